# exception group display limits: 15 members shown, 10 levels deep
import sys
wide = ExceptionGroup("wide", [ValueError(i) for i in range(20)])
sys.excepthook(type(wide), wide, None)
deep = ValueError("leaf")
for i in range(13):
    deep = ExceptionGroup(f"level {i}", [deep])
sys.excepthook(type(deep), deep, None)
e = ValueError("notes as tuple")
e.__notes__ = ("a", "b\nc", 3)
sys.excepthook(type(e), e, None)
f = ValueError("notes not a sequence")
f.__notes__ = 17
sys.excepthook(type(f), f, None)
class Odd(Exception):
    pass
Odd.__module__ = None
sys.excepthook(Odd, Odd("module is None"), None)
chained = ExceptionGroup("with cause", [TypeError("t")])
chained.__cause__ = KeyError("the cause")
try:
    raise chained
except ExceptionGroup as g:
    sys.excepthook(type(g), g, g.__traceback__)
