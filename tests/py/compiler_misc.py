# Miscellany: imports in their forms, global/nonlocal interplay, del of
# names/attributes, star-import, code object attributes, exec/eval with
# namespaces, deep nesting, big literals, interactive (single) mode.

def nested_scopes():
    a = 1
    def f():
        b = 2
        def g():
            nonlocal a, b
            a += 10
            b += 20
            return a, b
        return g()
    return f(), a

print(nested_scopes())

code = compile("x = 1\ndef f(y):\n    return x + y\n", "<m>", "exec")
print(code.co_consts[1].co_name, code.co_consts[1].co_varnames, code.co_consts[1].co_argcount)
print([c for c in code.co_names])
print(list(code.co_lines())[0][2] is None or True)

deep = "(" * 50 + "1" + ")" * 50
print(eval(deep))
big = "x = [" + ", ".join(str(i) for i in range(2000)) + "]"
ns = {}
exec(big, ns)
print(len(ns["x"]), sum(ns["x"]))
long_expr = " + ".join(["1"] * 1000)
print(eval(long_expr))
many_args = "f(" + ", ".join("a%d=%d" % (i, i) for i in range(300)) + ")"
print(eval(many_args, {"f": lambda **k: len(k)}))
print(eval("{" + ", ".join("%d: %d" % (i, i) for i in range(100)) + "}")[99])

g = {"__builtins__": __builtins__}
exec("r = abs(-2)", g)
print(g["r"])
loc = {}
exec("a = 5\nb = a * 2", {}, loc)
print(sorted(loc.items()))
print(eval("a + b", {}, loc))

class Obj:
    pass
o = Obj()
o.a = 1
del o.a
print(hasattr(o, "a"))

def uses_del():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return str(e)
print(uses_del())

def unbound():
    try:
        print(w)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    w = 1
unbound()

print(2 ** 64, -2 ** 63, 10 ** 30 // 7, 0.1 + 0.2, 1e308 * 10, -0.0)
print(__name__, type(__builtins__).__name__ in ("module", "dict"))
print((lambda: (yield))().__class__.__name__)
if 0:
    print("never")
while 0:
    print("never")
print("done")
