def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

vals = [0.0, -0.0, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.125, 0.375, 2.675, 1.005, 0.045, 1234.5678, -1234.5678, 1e16 + 2, 1e300, 5e-324, 123456.7890123, 0.1, 9.995, 1e22, 1.7976931348623157e308]
for v in vals:
    print(v, round(v))
    for nd in (-400, -308, -310, -20, -3, -1, 0, 1, 2, 3, 10, 17, 300, 324, 400):
        show(lambda: round(v, nd))
for v in [float('inf'), float('-inf'), float('nan')]:
    show(lambda: round(v)); show(lambda: round(v, 2)); show(lambda: int(v)); show(lambda: v.__floor__()); show(lambda: v.__ceil__())
show(lambda: round(1.5, 10**100)); show(lambda: round(1.5, -10**100)); show(lambda: round(1e308, -308)); show(lambda: round(1.7976931348623157e308, -308)); show(lambda: round(2.5, None)); show(lambda: round(2.5, 'x')); show(lambda: (2.5).__round__(1, 2))
