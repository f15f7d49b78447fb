# contextvars through the standard library module: ContextVar get/set/
# reset, tokens, Context mapping protocol, copy_context, Context.run
# isolation, and the errors CPython raises.
import contextvars
from contextvars import ContextVar, Context, Token, copy_context

v = ContextVar('v')
w = ContextVar('w', default=10)
print(v.name, w.name)
print(repr(v).startswith("<ContextVar name='v' at "), repr(w).startswith("<ContextVar name='w' default=10 at "))

try:
    v.get()
except LookupError as e:
    print('LookupError', e.args[0] is v)
print(v.get('dflt'), w.get(), w.get(5))

t = v.set(1)
print(v.get(), t.var is v, t.old_value is Token.MISSING, repr(Token.MISSING))
print(repr(t).startswith('<Token var=<ContextVar name='))
t2 = v.set(2)
print(v.get(), t2.old_value)
v.reset(t2)
print(v.get())
print(repr(t2).startswith('<Token used var='))
try:
    v.reset(t2)
except RuntimeError as e:
    print('RuntimeError', str(e).endswith('has already been used once'))
v.reset(t)
print(v.get(None))

try:
    w.reset(v.set(3))
except ValueError as e:
    print('ValueError', str(e).endswith('was created by a different ContextVar'))

try:
    v.reset('x')
except TypeError as e:
    print('TypeError', e)

try:
    ContextVar(1)
except TypeError as e:
    print('TypeError', e)

try:
    Token()
except RuntimeError as e:
    print('RuntimeError', e)

try:
    Context(1)
except TypeError as e:
    print('TypeError', e)

# a context is a snapshot
ctx = copy_context()
print(type(ctx).__name__, v in ctx, ctx[v], ctx.get(w), ctx.get(w, 'no'), len(ctx) >= 1)
v.set(99)
print(ctx[v], v.get())
print(sorted(k.name for k in ctx.keys() if k.name in ('v', 'w')))
print([val for k, val in ctx.items() if k is v])
print(list(k.name for k in ctx if k is v))
try:
    ctx[w]
except KeyError as e:
    print('KeyError', e.args[0] is w)
try:
    ctx['x']
except TypeError as e:
    print('TypeError', e)

# run: changes stay inside the context
def work(a, b=0):
    v.set(a + b)
    w.set('inside')
    return v.get(), w.get()

print(ctx.run(work, 1, b=2))
print(ctx[v], ctx[w], v.get(), w.get())
print(ctx.run(v.get))

# entering a context twice
def reenter():
    ctx.run(lambda: None)
try:
    ctx.run(reenter)
except RuntimeError as e:
    print('RuntimeError', str(e).startswith('cannot enter context:'), str(e).endswith('is already entered'))

# reset from a different context
tok = v.set(5)
def other():
    v.reset(tok)
try:
    Context().run(other)
except ValueError as e:
    print('ValueError', str(e).endswith('was created in a different Context'))

# equality and copies
c1 = copy_context()
c2 = c1.copy()
print(c1 == c2, c1 is not c2, Context() == Context())
c2.run(v.set, 1234)
print(c1 == c2, c1[v], c2[v])
try:
    hash(c1)
except TypeError as e:
    print('TypeError', e)

print(ContextVar[int], Token[str])
print(contextvars.ContextVar is ContextVar)

# generators and nested runs keep their own values
def gen():
    yield v.get()
    v.set('g')
    yield v.get()
g = gen()
print(copy_context().run(next, g), copy_context().run(next, g), v.get())
