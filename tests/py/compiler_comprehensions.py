# Comprehensions and generator expressions: scoping (own scope, outermost
# iterable evaluated outside), nesting, conditions, walrus, dict/set comps,
# generators (send/throw/return value/yield from), lambdas inside.

print([x * x for x in range(6) if x % 2])
print({x % 3 for x in range(10)})
print({k: v for k, v in zip("abc", range(3))})
print([(i, j) for i in range(3) for j in range(i)])
print([[j for j in range(i)] for i in range(4)])
g = (c.upper() for c in "xyz")
print(next(g), list(g))
print(sum(i for i in range(101)))

x = "outer"
print([x for x in range(3)], x)

def walrus():
    total = [y := v * 2 for v in range(4)]
    return total, y

print(walrus())

print([n for n in range(20) if (r := n % 7) == 3], r)

data = [1, 2, 3]
gen = (d * 10 for d in data)
data = [7]
print(list(gen))

def make_gen(n):
    for i in range(n):
        got = yield i
        if got:
            print("got", got)
    return "done"

g = make_gen(3)
print(next(g), g.send("hello"), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value", e.value)

def delegate():
    r = yield from make_gen(2)
    print("delegated result", r)
    yield "last"

print(list(delegate()))

def thrower():
    try:
        yield 1
    except KeyError as e:
        yield "caught " + str(e)
    yield 3

t = thrower()
print(next(t), t.throw(KeyError("k")), next(t))

def closing():
    try:
        yield 1
        yield 2
    finally:
        print("closed")

cg = closing()
next(cg)
cg.close()

fib = lambda: (a for a in [0, 1, 1, 2])
print(list(fib()))

print([lambda: i for i in range(2)][1](), [(lambda i=i: i)() for i in range(3)])
print(dict((k, len(k)) for k in ["aa", "b"]))
print(sorted({(a, b) for a in (1, 2) for b in (3, 4) if a + b != 5}))
print([y for x in [[1, 2], [3]] for y in x])

class K:
    vals = [1, 2]
    doubled = [v * 2 for v in vals]
print(K.doubled)

def gen_expr_in_call():
    return max(v for v in (3, 9, 2))
print(gen_expr_in_call())

def infinite():
    n = 0
    while True:
        yield n
        n += 1

it = infinite()
print([next(it) for _ in range(5)])
print(list(zip(range(3), infinite())))
