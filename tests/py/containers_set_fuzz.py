# deterministic random operations; the printed iteration order must be
# CPython's at every step (same table sizes, probing, dummies, resizes)
_s = [2024]
def rnd(n):
    _s[0] = (_s[0] * 1103515245 + 12345) % 2147483648
    return (_s[0] >> 8) % n
s = set()
f = set()
for step in range(3000):
    op = rnd(10)
    k = rnd(300) * (1 if rnd(2) else -7)
    if op < 5:
        s.add(k)
    elif op < 8:
        s.discard(k)
    elif op == 8 and s:
        s.pop()
    else:
        s |= {k, k + 1, k * 3}
    if step % 150 == 0:
        print(step, len(s), list(s)[:12])
        f = s.copy()
print(sorted(s) == sorted(set(list(s))), list(s)[-10:])
print(list(f - s)[:10], list(s - f)[:10], list(s & f)[:10], list(s ^ f)[:10])
print(list(s.union(range(0, 50, 5)))[:15], list(s.intersection(range(-100, 100)))[:15])
words = ["w%d" % rnd(500) for _ in range(400)]
ws = set()
for i, w in enumerate(words):
    if i % 5 == 4:
        ws.discard(words[i - 2])
    else:
        ws.add(w)
print(list(ws)[:15], len(ws))
print(list(frozenset(words))[:15])
t = set(range(100))
for i in range(0, 100, 3):
    t.remove(i)
for i in range(200, 260):
    t.add(i)
print(list(t)[:20])
t.difference_update(range(50))
print(list(t)[:20])
t.symmetric_difference_update(range(40, 60))
print(list(t)[:20])
t.intersection_update(range(45, 230))
print(list(t))
