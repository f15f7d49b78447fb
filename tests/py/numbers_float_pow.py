def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

vals = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 10.0, 3.0, float('inf'), float('-inf'), float('nan'), 2, -3, 0, 1e300]
for x in vals:
    for y in vals:
        show(lambda: x ** y)
show(lambda: (-8.0) ** (1 / 3)); show(lambda: (-2.0) ** 0.5); show(lambda: 0.0 ** -1); show(lambda: 0.0 ** -1.5); show(lambda: 10.0 ** 400); show(lambda: 2.0 ** -1100); show(lambda: pow(2.0, 3, 5)); show(lambda: (-1.0) ** 1e300); show(lambda: (-1.0) ** (2**60 + 1.0))
