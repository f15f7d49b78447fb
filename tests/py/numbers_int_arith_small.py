def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 100, -100, 255, 256, -5, -6, 1073741823, 1073741824, -1073741824, -1073741825]
for a in vals:
    for b in vals:
        print(a, b, a + b, a - b, a * b, a < b, a <= b, a == b, a != b, a > b, a >= b)
print(type(5 + 5).__name__, (-5) - 1, 256 + 1, -6 + 1, 2**30 - 1 + 1)
