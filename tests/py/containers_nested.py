data = {"users": [{"name": "a", "tags": ("x", "y"), "ids": {1, 2}}, {"name": "b", "tags": (), "ids": set()}], "count": 2, "ranges": [range(3), range(1, 10, 2)], "sl": slice(None, 5), "e": ...}
print(data)
print(data["users"][0]["tags"][1], data["users"][1]["ids"], data["ranges"][1][2])
deep = []
cur = deep
for i in range(50):
    nxt = []
    cur.append(nxt)
    cur = nxt
print(str(deep).count("["))
t = ()
for i in range(30):
    t = (t,)
print(repr(t).count("("))
d = {}
cur = d
for i in range(20):
    cur["k"] = {}
    cur = cur["k"]
print(repr(d).count("{"))
big = list(range(100000))
del big
x = [[i] * 3 for i in range(3)]
print(x, [row[:] for row in x] == x)
print(sorted([[3, 1], [1, 2], [1, 1]]), max([(1, "b"), (1, "a")]), min({3: 0, 1: 0}))
