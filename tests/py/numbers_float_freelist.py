total = 0.0
for i in range(200000):
    a = i * 0.5
    b = a + 1.25
    total += b - a
print(total, repr(total / 3))
vals = [float(i) / 7 for i in range(1000)]
print(sum(vals), repr(vals[500]), repr(max(vals)), repr(min(vals[1:])))
