l = [1, [2, 3]]
c = l.copy()
c[1].append(4)
c.append(5)
print(l, c, l is c, l[1] is c[1])
d = {"a": [1]}
e = d.copy()
e["a"].append(2)
e["b"] = 0
print(d, e)
s = {1, 2}
t = s.copy()
t.add(3)
print(s, t)
f = frozenset(s)
print(frozenset(f) is f, f.copy() is f, tuple((1, 2)) is not None)
tt = (1, 2)
print(tuple(tt) is tt, tt[:] is tt, tt[0:2] is tt, tt * 1 is tt, tt + () is tt, () + tt is tt)
print(list(l) is l, l[:] is l, l[:] == l)
print(l.__class__, d.__class__, s.__class__, f.__class__, tt.__class__, range(1).__class__, slice(1).__class__)
a = [1, 2, 3]
b = a
b += [4]
print(a, a is b)
x = (1, 2)
y = x
y += (3,)
print(x, y, x is y)
p = {1}
q = p
q |= {2}
print(p, p is q)
fz = frozenset({1})
fz2 = fz
fz2 |= {2}
print(fz, fz2, fz is fz2)
