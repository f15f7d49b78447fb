def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0, 1, -1, 9, 10, 99, 100, 999999999, 1000000000, -1000000000, 2**30, 2**64, -(2**64), 10**18, 10**19 - 1, 10**100, -(10**100) + 1, 3**500, -(7**300)]:
    print(str(v), repr(v), hex(v), oct(v), bin(v) if abs(v) < 2**200 else len(bin(v)))
print(len(str(2**10000)), str(2**10000)[:20], str(2**10000)[-20:])
print(hex(2**200 - 1), oct(-(2**99)), bin(-5), format(255, 'x'), int.__repr__(5))
