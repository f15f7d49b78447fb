# Closures, cells, nonlocal, and unbound-name errors.

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

c = counter()
print(c(), c(), c())
print(c.__closure__[0].cell_contents)
print(type(c.__closure__[0]).__name__)

def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders()])

def late_binding():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late_binding())

def param_cell(x):
    def get():
        return x
    x += 1
    return get
print(param_cell(5)())

def nested():
    a = 1
    def mid():
        b = 2
        def inner():
            return a + b
        return inner
    return mid()()
print(nested())

def unbound_local():
    try:
        print(y)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    y = 1
    del y
    try:
        del y
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
unbound_local()

def unbound_free():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    z = 1
    print(inner())
unbound_free()

try:
    undefined_global_name
except NameError as e:
    print("NameError:", e, e.name)

def del_global():
    global gg
    gg = 1
    del gg
    try:
        del gg
    except NameError as e:
        print("NameError:", e)
del_global()

class K:
    x = 1
    def f(self):
        return x_outer
    y = [x for _ in range(2)] if False else None

x_outer = "outer"
print(K().f())

def class_in_func():
    v = "func"
    class A:
        v = "class"
        def m(self):
            return v
        w = v
    return A().m(), A.w
print(class_in_func())

def cell_empty():
    def inner():
        return q
    c = inner.__closure__[0]
    try:
        c.cell_contents
    except ValueError as e:
        print("ValueError:", e)
    q = 3
    print(c.cell_contents)
    c.cell_contents = 4
    print(inner())
cell_empty()

import types
cell = types.CellType(10)
print(cell.cell_contents)
print(types.CellType() == types.CellType(), types.CellType(1) < types.CellType(2))

# generator expression scoping
def genexp_scope():
    n = 3
    return list(x * n for x in range(n))
print(genexp_scope())

# closures over loop variables in comprehensions
print([(lambda: k)() for k in "abc"])
