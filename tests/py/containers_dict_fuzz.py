# deterministic random dict operations; order and contents must match
_s = [77]
def rnd(n):
    _s[0] = (_s[0] * 1103515245 + 12345) % 2147483648
    return (_s[0] >> 8) % n
d = {}
for step in range(4000):
    op = rnd(12)
    k = rnd(200)
    key = k if rnd(3) else "s%d" % k
    if op < 6:
        d[key] = step
    elif op < 9:
        d.pop(key, None)
    elif op == 9 and d:
        d.popitem()
    elif op == 10:
        d.setdefault(key, -step)
    else:
        d.update({key: 0, (k, k): 1})
    if step % 250 == 0:
        print(step, len(d), list(d.items())[:6], list(d)[-4:])
print(len(d), sum(1 for _ in d), list(reversed(d))[:5])
e = dict(d)
print(e == d, list(e) == list(d), d.copy() == d)
for k in list(d)[::2]:
    del d[k]
print(len(d), list(d)[:10])
print(list(d.keys() & e.keys())[:10] == list(d.keys() & e.keys())[:10], len(d.keys() - e.keys()), len(e.keys() - d.keys()))
