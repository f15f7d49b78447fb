def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

vals = [0, 1, -1, 5, -5, 255, -256, 2**30 - 1, 2**30, -2**30, 2**60 + 3, -(2**60 + 3), 10**30, -(10**30), 3**200, -(3**200)]
for a in vals:
    for s in [0, 1, 2, 7, 29, 30, 31, 59, 60, 61, 64, 100, 300, 1000]:
        print(a << s, a >> s)
show(lambda: 1 << -1); show(lambda: 1 >> -1); show(lambda: 1 >> 2**100); show(lambda: -1 >> 2**100); show(lambda: -5 >> 2**64); show(lambda: 0 << 2**100)
show(lambda: 1 << 2**64); show(lambda: 1 << 2.0); show(lambda: 1.0 << 1)
