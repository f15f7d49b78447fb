# compile(..., PyCF_ONLY_AST) and the _ast node classes: fields, positions,
# constructor rules, singletons for contexts and operators.
import _ast
def dump(node):
    if isinstance(node, _ast.AST):
        args = []
        for f in node._fields:
            try:
                v = getattr(node, f)
            except AttributeError:
                continue
            if v is None and f in type(node).__dict__:
                continue
            args.append(f"{f}={dump(v)}")
        pos = ""
        if hasattr(node, "lineno"):
            pos = f"@{node.lineno}:{node.col_offset}-{node.end_lineno}:{node.end_col_offset}"
        return f"{type(node).__name__}{pos}({', '.join(args)})"
    if isinstance(node, list):
        return "[" + ", ".join(dump(x) for x in node) + "]"
    return repr(node)
src = '''
x = 1 + 2
print(f"{x!r:>3}")
def f(a, /, b: int = 1, *c, d, e=2, **g) -> None:
    return a
async def g():
    async with a as b:
        await c
class C(B, metaclass=M):
    "doc"
    y: int = 0
match p:
    case [1, *r] | {"k": 2, **rest} | Point(x=0) as q if q:
        pass
    case None:
        pass
try:
    pass
except* E as e:
    raise X from Y
finally:
    del z[1:2, ::3]
lambda *a, k=1: (yield)
{**d, 1: 2}, {1, 2}, [i async for i in j if i], (k for k in l)
import a.b as c
from .. import d as e, f
global q
u'x', b'y', ..., 1j, 1.5, not a, -b, ~c, a < b <= c, a and b or c
'''
t = compile(src, "<s>", "exec", _ast.PyCF_ONLY_AST)
for s in t.body:
    print(dump(s))
print(dump(compile("a + 1", "<e>", "eval", 1024)))
print(dump(compile("a = 1", "<e>", "single", 1024)))
n = _ast.Name("x", _ast.Load())
print(n.id, n._fields, _ast.Name._attributes, _ast.Constant(5).kind, _ast.BinOp.__match_args__)
try:
    _ast.Name(1, 2, 3)
except TypeError as e:
    print(e)
print(_ast.stmt._attributes, _ast.comprehension._attributes, _ast.arg._attributes, _ast.Load._attributes)
print(_ast.AST.__module__, _ast.Name.__module__, _ast.Name.__mro__[1].__name__, _ast.keyword.end_lineno)
print(n.__reduce__()[0].__name__, _ast.Load().__reduce__()[1])
