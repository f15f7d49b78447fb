# compile() of AST objects: CPython's errors for missing, None and wrongly typed fields.
import _ast as ast
def parse(src, mode='exec', type_comments=False):
    return compile(src, '<ast>', mode, ast.PyCF_ONLY_AST | (ast.PyCF_TYPE_COMMENTS if type_comments else 0))
ast.parse = parse
def dump(node, include_attributes=False):
    if isinstance(node, ast.AST):
        parts = [f'{f}={dump(getattr(node, f, None), include_attributes)}' for f in node._fields]
        if include_attributes:
            parts += [f'{a}={getattr(node, a, None)!r}' for a in node._attributes]
        return f'{type(node).__name__}({", ".join(parts)})'
    if isinstance(node, list):
        return '[' + ', '.join(dump(x, include_attributes) for x in node) + ']'
    return repr(node)
ast.dump = dump
def noaddr(t):
    while ' at 0x' in t:
        i = t.index(' at 0x'); j = t.index('>', i)
        t = t[:i] + t[j:]
    return t
def attempt(src, mode, mutate):
    t = ast.parse(src, mode=mode)
    mutate(t)
    try:
        compile(t, '<ast>', mode)
        print('ok')
    except Exception as e:
        print(type(e).__name__, noaddr(str(e)))
def setf(path, val):
    def m(t):
        obj = t
        for p in path[:-1]:
            obj = obj[p] if isinstance(p, int) else getattr(obj, p)
        if isinstance(path[-1], int): obj[path[-1]] = val
        elif val is KeyError: delattr(obj, path[-1])
        else: setattr(obj, path[-1], val)
    return m
D = KeyError
cases = [
 ('a<b', 'eval', ['body', 'ops'], 5), ('a<b', 'eval', ['body', 'ops'], [5]), ('a<b', 'eval', ['body', 'ops'], D),
 ('a<b', 'eval', ['body', 'ops'], []), ('a<b', 'eval', ['body', 'comparators'], []),
 ('f(x=1)', 'eval', ['body', 'keywords', 0, 'arg'], 5), ('x', 'eval', ['body', 'id'], None),
 ('x', 'eval', ['body', 'id'], D), ('x', 'eval', ['body', 'ctx'], None), ('x', 'eval', ['body', 'ctx'], 3),
 ('def f(): pass', 'exec', ['body', 0, 'type_comment'], 5), ('def f(): pass', 'exec', ['body', 0, 'args'], D),
 ('def f(): pass', 'exec', ['body', 0, 'body'], 5), ('def f(): pass', 'exec', ['body', 0, 'lineno'], D),
 ('def f(): pass', 'exec', ['body', 0, 'end_lineno'], D), ('def f(): pass', 'exec', ['body', 0, 'lineno'], 'x'),
 ('from . import x', 'exec', ['body', 0, 'level'], None), ('from . import x', 'exec', ['body', 0, 'level'], D),
 ('from . import x', 'exec', ['body', 0, 'module'], 3), ('{1: 2}', 'eval', ['body', 'keys'], []), ('{**a}', 'eval', ['body', 'values'], [None]),
 ('[x for x in y]', 'eval', ['body', 'generators'], []), ('[x for x in y]', 'eval', ['body', 'generators', 0, 'is_async'], D),
 ('[x for x in y]', 'eval', ['body', 'generators', 0, 'is_async'], None),
 ('f"{x!r}"', 'eval', ['body', 'values', 0, 'conversion'], D),
 ('1', 'eval', ['body', 'value'], [1]), ('1', 'eval', ['body', 'value'], D), ('1', 'eval', ['body', 'value'], None),
 ('1', 'eval', ['body', 'kind'], 3),
 ('match x:\n case 1: pass', 'exec', ['body', 0, 'cases', 0, 'pattern', 'end_lineno'], D),
 ('match x:\n case 1: pass', 'exec', ['body', 0, 'cases', 0, 'pattern'], 3),
 ('match x:\n case None: pass', 'exec', ['body', 0, 'cases', 0, 'pattern', 'value'], D),
 ('match x:\n case y: pass', 'exec', ['body', 0, 'cases', 0, 'pattern', 'pattern'], 5),
 ('try: pass\nexcept: pass', 'exec', ['body', 0, 'handlers', 0], 3),
 ('lambda: 1', 'eval', ['body', 'args', 'vararg'], 3), ('lambda *a: 1', 'eval', ['body', 'args', 'vararg', 'arg'], None),
 ('lambda *, a: 1', 'eval', ['body', 'args', 'kw_defaults'], [None]), ('lambda a=1: 1', 'eval', ['body', 'args', 'defaults'], [None]),
 ('x = 1', 'exec', ['body', 0], 'x'), ('x', 'eval', ['body'], ast.Pass()), ('x', 'eval', ['body', 'lineno'], 2**40),
 ('a and b', 'eval', ['body', 'op'], ast.Add()), ('a + b', 'eval', ['body', 'op'], ast.And),
 ('global x', 'exec', ['body', 0, 'names'], [1]),
 ('with a as b: pass', 'exec', ['body', 0, 'items', 0, 'optional_vars'], 3),
 ('x: int = 1', 'exec', ['body', 0, 'simple'], 'no'),
]
for src, mode, path, val in cases:
    print(repr(src), path, noaddr(repr(val)) if val is not D else 'del', end=': ')
    attempt(src, mode, setf(path, val))
t = ast.parse('x = 1')
print(ast.dump(ast.parse('def f(a, /, b=1, *c, d, e=2, **g) -> int: "doc"\nasync def g(): await x; [y async for y in z]', type_comments=True), include_attributes=True))
print(ast.dump(ast.parse('match p:\n case [1, *r] | {"k": v, **kw} | C(1, a=b) | None | (x as y): pass')))
t = ast.parse('a = 1\nprint(a + 2)'); exec(compile(t, '<t>', 'exec'))
