# SyntaxError class, message and positions (start and end) for sources a
# differential checker found Krait's parser reporting differently from
# CPython, plus valid sources it rejected; compiled from str.
PyCF_ONLY_AST = 0x400

CASES = [
    "c = #foo\n", "x = \n", "while c \n", "@x\n", "@x\n\n", "match x:\n",
    "match y:=True:", "x = rb'abc\n", "x = f'''abc\n\n", "f'{ x",
    "f(x=1, y, 2, **g)\n", "f(b=1, x,)\n", "f(a, **k, *b)\n",
    "f(**k, *a, x=1, _)\n", "(**a)\n", "(**a\n", "self**_=\n",
    "x = self**_=\n", "f() = 1 2\n", "f(), x.y = 1\n", "f(), x = 1 2\n",
    "f(), x[0] = 1\n", "f(), (x) = 1\n", "f(), (a and b) = 1\n",
    "(a and b) = 1\n", "f(), *a = 1\n", "a[x:=1:2]\n", "{x:=1: 2}\n",
    "λ = (1,\n", "λ\\[True]\n", "f(x for x in y if z := 1)\n",
    "class C(x for x in y): pass\n", "class C(a, x for x in y): pass\n",
    "async with (print in print", "print -1\n1 2\n", "print[1]\nx = 1 2\n",
    "exec -1\nf(**a, *b)\n", "y = print -1\n1 2\n", "print.x -1\n1 2\n",
    "match x:\n case *a: pass\n", "match x:\n case (*_): pass\n",
    "match x:\n case {1: 2, **_}: pass\n", "a[*b, x:=1:2]\n",
    # valid
    "a[(x:=1):2]\n", "{(x:=1): 2}\n", "match x:\n case *a,: pass\n",
    "print -1\n", "if a:\n    b;\n", "U'ok' 'ok'\n", "a[*b]\n",
    "def f():\n return *a, b\n", "for x in *a, b: pass\n",
    "def g():\n yield *a, b\n", "-2**-3\n", "x = 1 if y else lambda: z\n",
]

for src in CASES:
    try:
        t = compile(src, "<case>", "exec", PyCF_ONLY_AST)
        print("ok  ", repr(src), len(t.body), t.body[-1].end_col_offset)
    except SyntaxError as e:
        print("%-5s %r %s: %s (%s, %s, %s, %s)" % ("err", src, type(e).__name__,
              e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset))
