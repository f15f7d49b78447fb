def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for a in [0, 1, -1, 2, -2, 3, 10, -10, 7, 2**40, -(3**20)]:
    for e in [0, 1, 2, 3, 4, 5, 10, 17, 31, 64, 100]:
        print(a ** e)
for a in [0, 1, -1, 2, -2, 4, 10]:
    for e in [-1, -2, -3, -10]:
        show(lambda: a ** e)
print(pow(2, 10), pow(-3, 3), 2 ** 1000 % 10**9, (7 ** 777) % 12345)
show(lambda: pow(2, 3, 0)); show(lambda: pow(2.0, 3, 5)); show(lambda: pow(2, 3.0, 5)); show(lambda: 0 ** -1); show(lambda: (-8) ** (1/3))
