# A function's frame reads its globals and builtins through the function
# it runs.  These programs drop every other reference to the function, its
# namespaces or both while frames are alive or suspended, and collect.
import gc
import sys

def make_gen():
    ns = {"__builtins__": __builtins__, "gc": gc}
    exec(
        "def g():\n"
        "    try:\n"
        "        yield counter\n"
        "        yield len('abc')\n"
        "    finally:\n"
        "        print('finally sees', counter, len('xy'))\n"
        "counter = 41\n",
        ns,
    )
    gen = ns["g"]()
    del ns["g"]
    ns["counter"] = 42
    return gen, ns

gen, ns = make_gen()
print(next(gen))
print(gen.gi_frame.f_globals is ns)
del ns              # the function, held by the generator, keeps the globals
gc.collect()
gen.close()

# a generator in a cycle with its function and its globals
def cycle():
    ns = {"__builtins__": __builtins__}
    exec("def g(self_ref):\n"
         "    try:\n"
         "        yield 1\n"
         "    finally:\n"
         "        print('cycle finally', type(self_ref).__name__, len([1, 2]))\n", ns)
    holder = []
    gen = ns["g"](holder)
    next(gen)
    holder.append(gen)
    ns["keep"] = holder
    holder.append(ns)
cycle()
print("collected", gc.collect() > 0)

# a frame object outliving its call, then its function
def outer():
    x = 5
    return sys._getframe()
f = outer()
del outer
gc.collect()
print(f.f_globals is globals(), f.f_locals, "len" in f.f_builtins)

# exec and eval with their own globals (frames with no function)
g = {"__builtins__": {"len": lambda s: 99}}
print(eval("len('abc')", g), eval("len('abc')"))
g["sys"] = sys
exec("fr = sys._getframe()\n", g)
print(g["fr"].f_globals is g)

# a function whose module namespace is replaced while it runs
def uses_global():
    yield VALUE
    yield VALUE
VALUE = 1
it = uses_global()
print(next(it))
VALUE = 2
print(next(it))
# deep recursion through functions whose frames borrow namespaces
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
try:
    depth(10**6)
except RecursionError:
    print("RecursionError")
