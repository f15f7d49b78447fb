# caret lines of 3.11: binary operators, subscripts, calls, attributes
def run(f):
    try:
        f()
    except Exception as e:
        import sys
        sys.excepthook(type(e), e, e.__traceback__)

data = {"a": [1, 2]}
class Obj:
    pass
o = Obj()

def binop():
    x = 1
    return x + "s"
def sub():
    return data["a"][5]
def dictkey():
    return data["missing"]
def attr():
    return o.missing_attribute
def call():
    return len(5)
def nested():
    return (1 +
            2) / 0
def whole():
    1/0
def fdiv():
    a = 7
    b = 0
    return a // b
def chain():
    return data["a"][0] + data["a"][1] * data["zz"]
for f in [binop, sub, dictkey, attr, call, nested, whole, fdiv, chain]:
    run(f)
