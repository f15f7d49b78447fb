vals = [0, 1, -1, 2, 2**61 - 1, 2**61, -(2**61), 2**100, 0.0, -0.0, 1.0, -1.0, 0.5, 2.0**61, 2.0**100, 1.5, complex(1, 0), complex(0.5, 0), complex(0, 1), complex(2, 3), True, False]
for v in vals:
    print(repr(v), hash(v))
print(hash(2**61) == hash(1), hash(-1) == -2, hash(0.5) == hash(complex(0.5, 0)), len({1, 1.0, True, complex(1, 0)}), len({0, 0.0, -0.0, False, 0j}))
d = {1: 'a', 2**64: 'b', 0.5: 'c'}
print(d[1.0], d[float(2**64)], d[complex(0.5, 0)], d[True])
