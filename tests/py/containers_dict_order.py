d = {}
for w in "the quick brown fox jumps over the lazy dog".split():
    d[w] = d.get(w, 0) + 1
print(d)
print(list(d.items()))
del d["quick"]
d["quick"] = 9
print(list(d))
d.pop("the")
d["the"] = 1
print(list(d))
while len(d) > 3:
    print(d.popitem())
print(d)
n = {}
for i in range(1000):
    n[i] = i
for i in range(0, 1000, 3):
    del n[i]
print(list(n)[:10], len(n))
for i in range(1000, 1010):
    n[i] = i
print(list(n)[-12:])
n.clear()
print(n, len(n))
n[5] = 5
print(n)
# popitem then insert
p = {1: 1, 2: 2, 3: 3}
p.popitem()
p[4] = 4
p.popitem()
p[5] = 5
print(p)
# insertion order kept by copy, dict(), update
q = dict([(3, "c"), (1, "a"), (2, "b")])
print(q, q.copy(), dict(q), {**q})
r = {}
r.update(q)
r.update({0: "z"})
print(r)
# strings keys with PYTHONHASHSEED irrelevant for dict order
s = {}
for ch in "zyxwvutsrq":
    s[ch] = ord(ch)
print(s)
del s["z"], s["q"]
print(s)
# many deletes and re-inserts keep order
t = {}
for rnd in range(5):
    for i in range(20):
        t[i] = rnd
    for i in range(0, 20, 2):
        del t[i]
print(list(t), list(t.values())[:3])
