def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

vals = [0.0, -0.0, 1.0, -1.0, 0.1, 1.5, -2.5, 1e308, 1e-308, 5e-324, float('inf'), float('-inf'), float('nan'), 3, -7, 10**20]
for x in vals:
    for y in vals:
        show(lambda: x + y); show(lambda: x - y); show(lambda: x * y); show(lambda: x / y)
print(-(0.0), abs(-0.0), +(-0.0), 0.1 * 3, 1.1 + 2.2, 1e308 * 10, -1e308 * 10, 1e-320 / 1e10, 3 * 0.1 == 0.3)
