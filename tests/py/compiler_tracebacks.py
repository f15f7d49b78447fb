# Line numbers and column ranges recorded by the compiler, as seen through
# tracebacks (the ^^^ carets) and frame line numbers.
import sys

def show(fn):
    try:
        fn()
    except Exception as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        print(type(e).__name__, tb.tb_lineno)

def attr():
    x = None
    return x.foo

def call():
    d = {}
    return d["missing"]

def multiline():
    return (1 +
            2 +
            None)

def method_call():
    s = "abc"
    return s.nosuch(1,
                    2)

def division():
    a = 1
    b = 0
    return a / b

def in_loop():
    for i in range(3):
        if i == 2:
            raise ValueError(i)

def in_with():
    class CM:
        def __enter__(self):
            return self
        def __exit__(self, *a):
            return False
    with CM():
        [].pop()

def in_finally():
    try:
        pass
    finally:
        {}.popitem()

def nested_call():
    def inner(v):
        return 1 / v
    return inner(0)

for fn in (attr, call, multiline, method_call, division, in_loop, in_with,
           in_finally, nested_call):
    show(fn)

def frame_lines():
    f = sys._getframe()
    a = f.f_lineno
    b = (f
         .f_lineno)
    return a, b

print(frame_lines())

def final():
    x = {"a": [1, 2]}
    return x["a"][5]

final()
