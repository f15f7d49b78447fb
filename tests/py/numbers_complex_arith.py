def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

vals = [0j, 1j, -1j, 1+2j, -1-2j, 1.5-2.5j, 3+4j, complex(1e308, 1e308), complex(1e-300, 1e300), 2, 2.5, -1, 0, 0.0, complex(float('inf'), 1)]
for z in vals:
    show(lambda: abs(z))
    for w in vals:
        show(lambda: z + w); show(lambda: z - w); show(lambda: z * w); show(lambda: z / w); show(lambda: z ** w)
        print(z == w, z != w)
for e in range(-5, 6):
    show(lambda: (1.5+0.5j) ** e)
show(lambda: (1+2j) < (2+3j)); show(lambda: (1+2j) // 2); show(lambda: (1+2j) % 2); show(lambda: divmod(1j, 1)); show(lambda: pow(1j, 2, 3)); show(lambda: (1+2j) ** 100000); show(lambda: 0j ** -1); show(lambda: 0j ** 1j); show(lambda: 0j ** 0)
show(lambda: (1+2j) == 1); show(lambda: complex(2**70) == 2**70); show(lambda: complex(5) == 5.0); show(lambda: 1j * 2**2000); show(lambda: (-8) ** (1/3)); show(lambda: (-1) ** 0.5)
print(hash(1+0j) == hash(1), hash(complex(0.5, 0)) == hash(0.5), hash(1+2j), hash(complex(0, 1)), hash(complex(-1, -1)), hash(3.5-2j))
show(lambda: int(1j)); show(lambda: float(1j)); show(lambda: round(1j))
