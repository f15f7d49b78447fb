def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0, 1, -1, 5, -5, 15, 25, -25, 35, 45, 1250, 1350, -1250, -1251, 12345, 99999, 10**20 + 5 * 10**9, -(10**20) - 5 * 10**9, 2**70]:
    print(v, [round(v, nd) for nd in (-21, -10, -3, -2, -1, 0, 1, 5)], round(v), type(round(v, -1)).__name__)
show(lambda: (1).__round__(None)); show(lambda: round(1, None)); show(lambda: (1).__round__(1, 2)); show(lambda: round(5, 1.5)); show(lambda: round(5, 'x'))
