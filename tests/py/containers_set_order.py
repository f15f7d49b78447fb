# iteration order must equal CPython's for the same insertions
print({5, 3, 17, 9, 1, 33, 65, 8, 24})
print(set(range(20, 0, -1)))
print(set([100, 1, 1000, 10, 10000]))
print({-1, -2, 0, 1, 2})
print({2**40, 2**61 - 1, 2**61, 2**64, -2**63})
print({0.5, 1.5, 2.5, 1.0, 0.0, -0.25, 1e100})
print({True, (1, 2), (), ("a",)})
s = {1, 9}
s.remove(1)
s.add(17)
print(s)
s = set()
for i in range(50):
    s.add(i * 7 % 64)
print(s)
for i in range(0, 50, 2):
    s.discard(i * 7 % 64)
print(s)
s.add(1000)
print(s)
print(set("abracadabra"))
print({"apple", "banana", "cherry", "date", "elderberry", "fig"})
print(frozenset(["x", "y", "z", "w"]))
print(set(["spam", "eggs", "ham"]) | {"bacon"})
print(set("hello world") - set("low"))
w = set()
for word in "a quick brown fox jumps over the lazy dog".split():
    w.add(word)
print(w)
print(sorted(w) == sorted(list(w)))
big = set(range(0, 3000, 7))
print(list(big)[:10], list(big)[-10:])
big2 = {i * 1000003 for i in range(200)}
print(list(big2)[:8])
x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
y = {5, 6, 7, 8, 9, 10, 11, 12, 13}
print(x & y, y & x, x | y, y | x, x - y, y - x, x ^ y, y ^ x)
print(x.intersection([13, 12, 5, 1]), x.symmetric_difference([13, 1, 12]))
z = set(x)
z -= {1, 2, 3, 4, 5, 6, 7}
print(z)
z.add(1)
print(z)
q = {(i, str(i)) for i in range(10)}
print(q)
print({1: 1, 2: 2}.keys() | {9, 0})
print({8, 1} | {1: 1, 2: 2}.keys())
d = {i: i for i in range(12)}
print(set(d), set(d.items()) & {(3, 3), (4, 5), (11, 11)})
print(d.keys() - {1, 2}, d.keys() ^ {0, 100})
fs = frozenset(range(10))
print(fs, fs - {5})
p = set(range(10))
print(p.pop(), p.pop(), p)
p.add(0)
print(p.pop(), p)
