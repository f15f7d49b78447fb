def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

mods = [1, 2, 3, 7, 10, 97, 2**31 - 1, 2**61 - 1, 10**9 + 7, -1, -7, -(10**9 + 7), 3**40, 2**100]
for a in [0, 1, -1, 2, 3, -5, 10**18 + 9, -(2**70), 3**50]:
    for e in [0, 1, 2, 5, 100, 2**64 + 1, 10**30]:
        for m in mods:
            show(lambda: pow(a, e, m))
for a in [1, 2, 3, -3, 5, 10, 2**70 + 1, 12345]:
    for m in [7, 11, 13, 97, 100, 2**61 - 1, -13, 10**9 + 7, 1]:
        show(lambda: pow(a, -1, m))
        show(lambda: pow(a, -3, m))
show(lambda: pow(2, -1, 4)); show(lambda: pow(0, -1, 5)); show(lambda: pow(6, -1, 9)); show(lambda: pow(3, -1, 0))
