# Which error wins when brackets are left open: CPython compares the bracket's
# line with the last token the parser fetched.
srcs = ["print(x\ny = 2\n", "print(x y)\n", "print(x\ny)\n", "f(a\nb\n", "f(a b\n", "f(a b\nc\n", "x = [1, 2\ny = 3\n", "x = (1 2\n", "print(x\n"]
for s in srcs:
    try:
        compile(s, "f", "exec")
    except SyntaxError as e:
        print(repr(s), "->", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
