def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, 2**61 + 1, -(2**61), -(2**61 - 1), 2**62, 2**63, 2**64, -(2**64), 2**122 - 1, 10**30, -(10**30), 3**300, 2**1000, -(2**1000), 123456789123456789123456789]:
    print(v, hash(v))
print(hash(-1) == hash(-2), hash(True), hash(False), hash(2**61 - 1) == hash(0))
print(hash(1) == hash(1.0), hash(2**70) == hash(float(2**70)), hash(-2**70) == hash(float(-2**70)))
