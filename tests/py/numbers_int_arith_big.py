def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
_state = [12345]
def rnd(bits):
    r = 0
    n = 0
    while n < bits:
        _state[0] = (_state[0] * 6364136223846793005 + 1442695040888963407) % 2**64
        r = (r << 32) | (_state[0] >> 32)
        n += 32
    return r >> (n - bits)

vals = [0, 1, -1, 2**30 - 1, 2**30, -2**30, 2**31, 2**60 - 1, 2**60, 2**62, 2**63 - 1, -2**63, 2**64, 10**20, -10**20, 3**100, -7**90, 2**200 + 1, 10**50 - 1]
for i in range(25):
    vals.append(rnd(rnd(9) % 400 + 1) * (1 if rnd(1) else -1))
for a in vals:
    for b in vals:
        print(a + b, a - b, a * b)
