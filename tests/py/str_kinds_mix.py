a, b, c, d = "ascii", "lätin", "bmp€", "astral😀"
for x in (a, b, c, d):
    for y in (a, b, c, d):
        z = x + y
        print(len(z), z, z == x + y, z[len(x):] == y, z.find(y), (x < y), z.replace(y, "") == x)
print((c + a)[4:], (d + a)[7:], (d + b)[-5:] == b, (c * 3)[::4], (d * 2)[6:8])
print(hash((c + a)[4:]) == hash(a), hash((d + b)[7:]) == hash(b), {(d + a)[7:]: 1}.get(a))
print("€"[0:0] == "", ("😀" + "x")[1] == "x", ("é" + "x")[1:] is not None, "x€".strip("€") == "x")
m = ["€a", "a", "😀", "é", "ab"]
print(sorted(m), max(m), min(m), "".join(sorted(m)))
