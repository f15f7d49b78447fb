# user exception names: __main__ omitted, other modules qualified
class Outer:
    class InnerError(Exception):
        pass

class Custom(Exception):
    __module__ = "mypkg.errors"

class NoStr(Exception):
    def __str__(self):
        raise RuntimeError("no str")

import sys
for exc in [Outer.InnerError("nested class"), Custom("custom module"), NoStr(), KeyError(("a", 1)),
            Exception(""), Custom()]:
    sys.excepthook(type(exc), exc, None)
raise Outer.InnerError("the end")
