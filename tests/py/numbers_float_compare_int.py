def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

fl = [0.0, -0.0, 0.5, -0.5, 1.0, 2.0**53, 2.0**53 + 2, 2.0**63, 2.0**64, -2.0**64, 1e20, 1e300, float('inf'), float('-inf'), float('nan'), 9007199254740993.0, 0.9999999999999999]
ints = [0, 1, -1, 2**53, 2**53 + 1, 2**53 + 2, 2**63 - 1, 2**63, 2**64, -(2**64), 10**20, 10**300, 10**400, -(10**400), 2**1024]
for f in fl:
    print(f, [(f < i, f == i, f > i, i <= f) for i in ints])
