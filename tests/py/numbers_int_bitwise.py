def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
_state = [31337]
def rnd(bits):
    r = 0
    n = 0
    while n < bits:
        _state[0] = (_state[0] * 6364136223846793005 + 1442695040888963407) % 2**64
        r = (r << 32) | (_state[0] >> 32)
        n += 32
    return r >> (n - bits)

vals = [0, 1, -1, 2, -2, 255, -256, 2**30 - 1, -2**30, 2**31, -(2**31), 2**60, -(2**60) - 1, 2**64 - 1, -(2**64), 10**25, -(10**25)]
for i in range(8):
    vals.append(rnd(rnd(9) % 300 + 1) * (1 if rnd(1) else -1))
for a in vals:
    print(~a, -a, ~~a == a)
    for b in vals:
        x, y, z = a & b, a | b, a ^ b
        print(x, y, z, (x ^ y) == z, (a & ~b) | (b & ~a) == z)
