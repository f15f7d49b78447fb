# SyntaxError display for code compiled at run time
import sys
for src in ["x = (1,", "a = 1 +", "def f(:\n    pass", "if True\n    pass", "x = = 2",
            "  x = 1", "for x in range(3):\nprint(x)", "f(a for a in b, c)"]:
    try:
        compile(src, "<snippet>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
        sys.excepthook(type(e), e, None)
exec("y = 1 +* 2")
