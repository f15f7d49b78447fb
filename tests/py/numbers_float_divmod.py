def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

vals = [0.0, -0.0, 1.0, -1.0, 0.5, 3.5, -3.5, 7.0, -7.0, 1e300, -1e-300, 0.1, float('inf'), float('-inf'), float('nan'), 5, -2]
for x in vals:
    for y in vals:
        show(lambda: x // y); show(lambda: x % y); show(lambda: divmod(x, y))
show(lambda: 1.0 // 0); show(lambda: 1.0 % 0); show(lambda: divmod(1.0, 0.0)); show(lambda: 1.0 / 0)
