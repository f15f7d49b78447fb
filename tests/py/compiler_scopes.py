# Name resolution corner cases: cells in classes, nonlocal through
# comprehensions, walrus targets in nested functions, globals declared in
# class bodies, deleted cells, big argument lists and displays.

def outer():
    v = 1
    class Inner:
        v = 2
        w = v
        def get(self):
            return v
        lst = [v for _ in range(2)]
    return Inner.w, Inner().get(), Inner.lst

print(outer())

def walrus_closure():
    fns = []
    total = 0
    for i in range(3):
        fns.append(lambda: (last := i))
    data = [last2 := n for n in range(4)]
    return [f() for f in fns], data, last2

print(walrus_closure())

def nonlocal_comp():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    vals = [bump() for _ in range(5)]
    return vals, count

print(nonlocal_comp())

gv = "module"
class G:
    global gv
    gv = "set in class"
print(gv)

def del_cell():
    x = 1
    def read():
        return x
    del x
    try:
        read()
    except NameError as e:
        print("NameError:", e)
    x = 2
    return read()

print(del_cell())

def many(*a, **k):
    return len(a), len(k), sum(a), sorted(k)[:3]

args = list(range(40))
print(many(*args))
print(many(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
           20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34))
print(many(a1=1, a2=2, a3=3, a4=4, a5=5, a6=6, a7=7, a8=8, a9=9, a10=10, a11=11,
           a12=12, a13=13, a14=14, a15=15, a16=16, a17=17, a18=18))
print(many(*args, k1=1, **{"k2": 2}, k3=3))
big = {"k%d" % i: i for i in range(3)}
d = {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9,
     "j": 10, "k": 11, "l": 12, "m": 13, "n": 14, "o": 15, "p": 16, "q": 17, **big,
     "r": 18}
print(len(d), d["r"], d["k2"])
lst = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
       22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33]
print(len(lst), sum(lst))
x = 5
lst2 = [x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x,
        x, x, x, x, x, x, x, *lst, x]
print(len(lst2))
s = {1, 2, 3, x}
print(sorted(s), frozenset({1, 2}) == {1, 2})

def gen_return():
    try:
        yield 1
    finally:
        pass
    return "gen value"

g = gen_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)

def annotations_closure():
    T = int
    def f(a: T) -> T:
        return a
    return f.__annotations__

print(annotations_closure())

class DefaultFromClass:
    base = 10
    def m(self, v=base * 2):
        return v
print(DefaultFromClass().m())

def kw_names_reuse():
    def f(a, b, c):
        return a, b, c
    return f(1, c=3, b=2), f(a=1, b=2, c=3), f(*(1,), **{"b": 2, "c": 3})
print(kw_names_reuse())

def nested_generators():
    def inner():
        yield from range(3)
        return "inner done"
    def outer_gen():
        result = yield from inner()
        yield result
    return list(outer_gen())
print(nested_generators())

def chained_assign_attr():
    class O: pass
    a = O(); b = O()
    a.x = b.y = [1]
    a.x.append(2)
    return b.y
print(chained_assign_attr())

print((lambda a, b=2, *c, d, e=5, **f: (a, b, c, d, e, f))(1, d=4))
print([(lambda: k)() for k in "ab"])
