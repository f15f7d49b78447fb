def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(1 + 2.5, 2 * 1.5j, 3 - 1j, 10 / 4, 10 // 4.0, 10 % 3.5, 2 ** 0.5, 2 ** -1, 1 + True, 1.5 + True, 1j + True, sum([1, 2.5, 3j]), sum(range(100)), sum([0.1] * 10))
print(abs(-3), abs(-3.5), abs(3 + 4j), max(1, 2.5, -3), min(3j.imag, 2), divmod(7, 2.5), pow(2, 0.5), round(2.675, 2), round(-0.5), round(0.5), round(1.5))
print(int('10') + float('2.5') + complex('1j'), str(1.0) + str(1) + str(1j), 1e3 == 1000, 1000 == 1e3 + 0j, 0.1 + 0.2 == 0.3)
print(float.__add__(1.0, 2), float.__radd__(1.0, 2), int.__add__(1, 2.0), (1.5).__rtruediv__(3), (2).__rpow__(2.0), float.__rsub__(1.0, 5), complex.__rmul__(2j, 3))
x = 0
for i in range(100):
    x += i * i
    x -= i // 3
    x ^= i << 5
print(x, x / 7, x % 1000, -x // 13)
f = 0.0
for i in range(1, 200):
    f += 1.0 / i
    f *= 1.0001
print(f, repr(f), f'{f:.10f}')
show(lambda: 1 + 'a'); show(lambda: 'a' * 2.5); show(lambda: [1] * 2.0); show(lambda: 1.5 + None); show(lambda: 1j < 2)
