def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
_state = [777]
def rnd(bits):
    r = 0
    n = 0
    while n < bits:
        _state[0] = (_state[0] * 6364136223846793005 + 1442695040888963407) % 2**64
        r = (r << 32) | (_state[0] >> 32)
        n += 32
    return r >> (n - bits)

big = [rnd(b) for b in (2000, 2100, 2200, 3000, 4500, 6000, 9000, 15000)]
big += [-x for x in big[:3]] + [3**5000, 7**3000 - 1, 2**8000 - 1, 10**1000, 2**4000 + 1]
for a in big:
    for b in big:
        p = a * b
        print(p % 1000000007, p.bit_length(), hash(p), p == b * a)
    sq = a * a
    print(sq % 998244353, sq == a ** 2, (a + 1) * (a - 1) == sq - 1)
x = 2**20000 - 1
print(hash(x * x), (x * x) % 12345678910111, (x * (x >> 5000)) % 10**12)
