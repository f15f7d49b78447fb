import gc
import sys
import kwtest as k


def show(label, f):
    try:
        r = f()
    except BaseException as e:
        r = f"!! {type(e).__name__}: {e}"
    print(label, r)


class S(str):
    pass


class Idx:
    def __repr__(self):
        return "Idx()"

    def __index__(self):
        print("  __index__ called")
        return 5


def calls(name, cases):
    f = getattr(k, name)
    for args, kw in cases:
        show(f"{name}{args} {kw}", lambda: f(*args, **kw))


calls("parse", [
    ((1, None), {}), ((1, None, 2.5), {}), ((4,), {"obj": 1, "scale": 1.0}),
    ((), {"count": 1, "obj": 2}), ((), {"obj": 2, "count": 1}), ((1,), {"scale": 2.0, "obj": 3}),
    ((), {}), ((1,), {}), ((1,), {"scale": 2.0}), ((1, 2, 3, 4), {}), ((1, 2, 3), {"obj": 1}),
    ((), {"count": 1, "obj": 2, "scale": 3.0, "zz": 4}), ((1, 2), {"zz": 4}),
    ((1, 2), {"count": 4}), ((1, 2), {"obj": 4}), ((1, 2), {"scale": 4.0, "obj": 1}),
    (("x", 2), {}), ((), {"count": "x", "obj": 2}), ((1,), {"obj": 2, "scale": "s"}),
    ((1, 2, "s"), {}), ((2**40, 2), {}), ((1.5, 2), {}), ((Idx(), 2), {}),
    ((), {"count": Idx(), "obj": 0}), ((1, 2), {"zz": 4, "count": 1}),
    ((1,), {"obj": 1, "Count": 2}), ((1,), {"obj\0": 1}), ((1,), {"ob": 1}),
    ((1,), {"objx": 1}), ((), {"count": 1}),
    ((1,), {S("obj"): 5}), ((), {S("count"): 1, "obj": 2}),
])
calls("noname", [((), {}), ((1, 2, 3, 4), {}), ((1, 2), {"zz": 1}), (("a", 2), {}),
                 ((1, 2), {"count": 1}), ((), {"count": 1, "obj": 1, "scale": 1, "x": 1})])
calls("custom", [((), {}), ((1, 2, 3, 4), {}), ((1, 2), {"zz": 1}), (("a", 2), {}),
                 ((1,), {}), ((1, 2, "x"), {})])
calls("posonly", [
    ((1, 2), {}), ((1, 2, 3), {}), ((1, 2, 3), {"d": 4, "e": 5}), ((1, 2), {"c": 3}),
    ((1,), {}), ((), {}), ((1,), {"c": 3}), ((), {"c": 3}), ((1, 2, 3, 4), {}),
    ((1, 2, 3, 4, 5), {}), ((1, 2, 3, 4, 5, 6), {}), ((1, 2), {"": 1}), ((1, 2), {"a": 1}),
    ((1, 2), {"c": 1, "d": 2, "e": 3}), ((1, 2, 3), {"c": 1}), ((1, 2), {"d": "x"}),
])
calls("posonly_opt", [((1,), {}), ((1, 2), {}), ((1, 2, 3), {}), ((), {}), ((), {"c": 1}),
                      ((1,), {"c": 3}), ((1, 2, 3, 4), {})])
calls("kwreq", [((1,), {"b": 2}), ((1,), {}), ((), {"a": 1, "b": 2}), ((1, 2), {}),
                ((), {"a": 1}), ((), {}), ((1, 2, 3), {})])
calls("kwonly_all", [((), {}), ((), {"a": 1}), ((1,), {}), ((), {"b": 2, "a": 1}), ((), {"c": 1})])
calls("single", [((), {}), ((1,), {}), ((), {"x": 2}), ((1, 2), {}), ((), {"y": 1}),
                 ((1,), {"x": 2}), ((), {"x": 1, "y": 2})])
calls("none", [((), {}), ((1,), {}), ((), {"a": 1})])
calls("typed", [
    ((), {}), ((1, "s", (2, 3), [], 1.5, [1], 7), {}),
    ((), {"s": 1}), ((), {"pair": 5}), ((), {"pair": (1,)}), ((), {"pair": (1, "x")}),
    ((), {"f": "x"}), ((), {"lst": ()}), ((), {"nn": 1.5}), ((), {"nn": "x"}), ((), {"n": "x"}),
    ((), {"s": "a\0b"}), (("x",), {}), ((1, 2), {}), ((1, "s", [4, 5]), {}),
    ((), {"flag": [], "f": 2}), ((), {"nn": 2**70}),
])
calls("utf8names", [((), {"été": 1}), ((), {"hiver": 2, "été": 1}), ((), {"ete": 1}),
                    ((1,), {"été": 2}), ((), {"\udcff": 1})])
calls("withconv", [(("a",), {}), (("a", 2, b"xy"), {}), (("a", "bad"), {}), ((1,), {}),
                   (("a",), {"b": 1, "c": "notbytes"}), (("a",), {"zz": 1})])
show("withconv strided", lambda: k.withconv("a", c=memoryview(b"abcd")[::2]))
for which in range(9):
    for rest, kw in [((1,), {}), ((1, 2), {}), ((1,), {"b": 2}), ((), {}), ((1, 2, 3), {})]:
        show(f"bad {which} {rest} {kw}", lambda: k.bad(which, rest, **kw))
for which, rests in [
    (0, [(), (1,)]), (1, [(), (1,), (1, 2), (1, 2, 3, 4), ("x",)]),
    (2, [(1,), (1, 2), (1, 2, 3, 4), ()]), (3, [((1, 2), 3), ((1, 2, 3), 4), (1, 2), ((1,), 2)]),
    (4, [(1,), (1, 2), (), (1, 2, 3)]), (5, [()]), (6, [(1, "s"), (1, 2)]),
    (7, [(1, "é"), ("a", "b"), (1, "a\0")]), (8, [(1, 2), (1,)]), (9, [(1,), (1, 2), (1, 2, 3)]), (10, [()]),
]:
    for rest in rests:
        show(f"tuple_counts {which} {rest}", lambda: k.tuple_counts(which, rest))

for which, objs in [(0, [5, "x", 2**40]), (1, [1]), (2, [(1, 2)]), (3, [(1, 2), (1,), 7, (1, "x")]),
                    (4, [3, "y"])]:
    for obj in objs:
        show(f"old_parse {which} {obj!r}", lambda: k.old_parse(which, obj))

# what the function receives
show("echo", lambda: k.echo())
show("echo args", lambda: k.echo(1, 2))
show("echo kw", lambda: k.echo(1, b=2, a=3))
show("echo star", lambda: k.echo(*[1, 2], **{"z": 1, "y": 2}))
d = {"a": 1}
show("mutate", lambda: (k.mutate(1, **d), d))
show("mutate kw", lambda: (k.mutate(1, a=1, b=2)))
t = k.echo(1, 2, x=3)
print("kept", t, type(t[0]) is tuple, type(t[1]) is dict, sys.getrefcount(t[0]), sys.getrefcount(t[1]))
show("varargs", lambda: k.varargs(1, "a", None))
show("varargs none", lambda: k.varargs())
show("varargs kw", lambda: k.varargs(1, a=2))
v = k.varargs(3, 4)
print("varargs kept", v, sys.getrefcount(v), gc.is_tracked(v))
show("varargs star", lambda: k.varargs(*range(25)))
o = k.Obj()
show("meth_kw", lambda: o.meth_kw(1))
show("meth_kw kw", lambda: o.meth_kw(1, y=2))
show("meth_kw kw only", lambda: o.meth_kw(y=2, x=5))
show("meth_kw bad", lambda: o.meth_kw(y=2))
show("meth_kw unbound", lambda: k.Obj.meth_kw(o, 3, y=4))
show("meth_kw unbound bad self", lambda: k.Obj.meth_kw(1, 3))
show("meth_va", lambda: o.meth_va(1, 2))
show("meth_va kw", lambda: o.meth_va(1, a=2))
show("meth_va unbound", lambda: k.Obj.meth_va(o, 9))


class Sub(k.Obj):
    pass


show("sub meth_kw", lambda: Sub().meth_kw(1, y=3))
show("sub meth_va", lambda: Sub().meth_va(1, 3))
# many calls in a loop: the free lists and the kwargs dict fast build
total = 0
for i in range(3000):
    total += k.parse(i, None)[0] + k.parse(1, i, 2.0)[2] + k.parse(4, obj=i, scale=1.0)[1]
    total += len(k.varargs(i, None, i))
print("loop", total)
# a tuple that holds the last reference to deeply nested tuples (trashcan)
x = ()
for i in range(200000):
    x = (x, i)
del x
print("deep ok")
