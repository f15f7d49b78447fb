def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 0.1, 1e16, 1e300, 5e-324, 2.0**61, 2.0**62, 2.0**100, -2.0**100, 1 / 3, 123.456, float('inf'), float('-inf'), 2.0**-60, 3.0 * 2.0**-1000]:
    print(v, hash(v), (hash(v) == hash(int(v)) if v == int(v) else 'frac') if abs(v) != float('inf') else 'inf')
x = float('nan')
print(hash(x) == hash(x), hash(-1.0), hash(-1.5) == hash(-1.5))
