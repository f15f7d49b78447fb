import longs
for v in [0, 1, -1, 2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64 + 5, 10**400, True]:
    print(v if v < 10**30 else "big", longs.conv(v))
for v in [0, 255, -1, -256, 2**100, -(2**100)]:
    print(longs.bytes_roundtrip(v))
print(longs.makers())
print(longs.arith(17, 5), longs.arith(-7, 2), longs.arith(7.5, 2))
print(longs.as_double(3), longs.as_double(2.5))


class F:
    def __float__(self):
        return 4.25


class I:
    def __index__(self):
        return 9


print(longs.as_double(F()), longs.index_of(I()))
for bad in ["x", None]:
    try:
        longs.as_double(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    longs.conv(1.5)
except TypeError as e:
    print("TypeError", e)
try:
    longs.bytes_roundtrip(2**200)
except OverflowError as e:
    print("OverflowError", e)
