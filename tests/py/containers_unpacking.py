a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (1, 2), 3
print(x, y, z)
first, *mid, last = range(6)
print(first, mid, last)
*head, = "abc"
print(head)
print([*range(3), *"ab", *(1,)], (*[1, 2],), {*"aab", *[3]}, {**{"a": 1}, "b": 2, **dict(c=3)})
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], *(3,), **{"k": 1}, **{"j": 2}))
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
for i, (p, q) in enumerate([(1, 2), (3, 4)]):
    print(i, p, q)
for k, v in {"x": 1, "y": 2}.items():
    print(k, v)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 1
except TypeError as e:
    print("TypeError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
m, n = {"one": 1, "two": 2}
print(m, n)
s1, s2 = {7}, {8}
print(s1, s2)
[p, q] = "pq"
print(p, q)
