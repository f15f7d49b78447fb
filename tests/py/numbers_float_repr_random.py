_state = [2024]
def rnd(bits):
    r = 0
    n = 0
    while n < bits:
        _state[0] = (_state[0] * 6364136223846793005 + 1442695040888963407) % 2**64
        r = (r << 32) | (_state[0] >> 32)
        n += 32
    return r >> (n - bits)

def from_bits(bits):
    sign = '-' if bits >> 63 else ''
    e = (bits >> 52) & 0x7ff
    m = bits & (2**52 - 1)
    if e == 0x7ff:
        return float(sign + ('inf' if m == 0 else 'nan'))
    if e == 0:
        return float.fromhex('%s0x0.%013xp-1022' % (sign, m))
    return float.fromhex('%s0x1.%013xp%d' % (sign, m, e - 1023))
for i in range(3000):
    x = from_bits(rnd(64))
    print(repr(x), x.hex())
for i in range(2000):
    print(repr(rnd(53) / 2**53 * 10.0 ** (rnd(8) % 60 - 30)))
