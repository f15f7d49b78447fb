# set results of dict-view algebra print in CPython's order
a = {i: str(i) for i in range(0, 30, 2)}
b = {i: str(i) for i in range(0, 30, 3)}
ka, kb = a.keys(), b.keys()
print(ka & kb)
print(kb & ka)
print(ka | kb)
print(kb | ka)
print(ka - kb)
print(kb - ka)
print(ka ^ kb)
print(kb ^ ka)
print(ka & {4, 6, 100}, {4, 6, 100} & ka, ka & [6, 4, 100])
print(ka | [99, 98], [99, 98] | ka, ka - [0, 2], [0, 2, 5] - ka, ka ^ [0, 5], [0, 5] ^ ka)
ia, ib = a.items(), b.items()
print(ia & ib)
print(ia | {(1, "1")})
print(ia - ib)
print(ia ^ ib)
print(ib ^ ia)
print(ia ^ {(0, "0"), (7, "7")})
w = {"x%d" % i: i for i in range(12)}
v = {"x%d" % i: i for i in range(6, 18)}
print(w.keys() & v.keys())
print(w.keys() ^ v.keys())
print(w.items() ^ v.items())
print(w.keys() - {"x1", "x2"})
print(set(w) | set(v))
