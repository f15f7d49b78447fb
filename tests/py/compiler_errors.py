# Compile-time errors raised by compile(): messages, line numbers and
# offsets as CPython reports them.

cases = [
    "def f():\n    x = 1\n    global x\n",
    "def f():\n    print(x)\n    global x\n",
    "def f(a):\n    global a\n",
    "nonlocal x\n",
    "def f():\n    nonlocal x\n",
    "[i := 0 for i in range(5)]\n",
    "def f():\n    [(yield x) for x in y]\n",
    "def f():\n    {(yield x) for x in y}\n",
    "def f():\n    ((yield x) for x in y)\n",
    "return 1\n",
    "class C:\n    return 1\n",
    "yield 1\n",
    "await x\n",
    "def f():\n    await x\n",
    "break\n",
    "continue\n",
    "while 1:\n    def f():\n        break\n",
    "async def f():\n    yield 1\n    return 2\n",
    "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "match x:\n    case [a] | [b]:\n        pass\n",
    "match x:\n    case {f(): 1}:\n        pass\n",
    "match x:\n    case {1: a, 1: b}:\n        pass\n",
    "match x:\n    case C(a=1, a=2):\n        pass\n",
    "a, *b, *c = d\n",
    "x = 1\nfrom __future__ import annotations\n",
    "from __future__ import nope\n",
    "from __future__ import braces\n",
    "def f(a, a):\n    pass\n",
    "def f():\n    from m import *\n",
    "def f():\n    yield from x\nasync def g():\n    yield from x\n",
    "async def f():\n    [x async for x in y]\ndef g():\n    [x async for x in y]\n",
    "def f():\n    async with x:\n        pass\n",
    "def f():\n    async for x in y:\n        pass\n",
    "try:\n    pass\nexcept* ValueError:\n    break\n",
    "for x in y:\n    try:\n        pass\n    except* ValueError:\n        continue\n",
    "class C:\n    [(y := 1) for x in z]\n",
    "[x for x in (y := [1])]\n",
    "def f():\n    x: int = 1\n    global x\n",
    "def f(__debug__): pass\n",
    "__debug__ = 1\n",
    "f(a=1, a=2)\n",
    "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n",
    "from __future__ import annotations\nx: await y\n",
    "from __future__ import annotations\ndef f(a: (yield)): pass\n",
    "from __future__ import annotations\nx: (y := 1)\n",
    "def f():\n    return\n    yield\nclass C:\n    x = yield\n",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("compiled OK:", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset)
    except Exception as e:
        print("other", type(e).__name__, e)

for src in ["1 +", "(", "x = = 1", "def f(:\n", "  x = 1\n", "if 1:\nx\n"]:
    try:
        compile(src, "<bad>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset)

print(eval("1 + 2 * 3"), eval(compile("-5", "<e>", "eval")))
ns = {}
exec("def f(x):\n    return x + 1\ny = f(1)\n", ns)
print(ns["y"])
code = compile("a = 1\nb = a + 1\n", "<code>", "exec")
print(type(code).__name__, code.co_name, code.co_filename, code.co_firstlineno)
print(code.co_names, code.co_consts)
single = compile("1 + 1", "<s>", "single")
exec(single)
print(compile("x", "<e>", "eval").co_names)

# the static block limit (CO_MAXBLOCKS)
src = "".join("    " * i + "for x%d in y:\n" % i for i in range(21)) + "    " * 21 + "pass\n"
try:
    compile(src, "<n>", "exec")
    print("ok")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset)
src = "".join("    " * i + "while x:\n" % () for i in range(20)) + "    " * 20 + "pass\n"
compile(src, "<n>", "exec"); print("20 ok")
src = "def f():\n" + "".join("    " * (i + 1) + "with a as b%d:\n" % i for i in range(21)) + "    " * 22 + "pass\n"
try:
    compile(src, "<n>", "exec")
    print("ok")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset)
