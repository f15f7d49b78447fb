def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
_state = [4242]
def rnd(bits):
    r = 0
    n = 0
    while n < bits:
        _state[0] = (_state[0] * 6364136223846793005 + 1442695040888963407) % 2**64
        r = (r << 32) | (_state[0] >> 32)
        n += 32
    return r >> (n - bits)

vals = [1, -1, 2, -2, 3, 7, -7, 10, 2**30 - 1, 2**30, 2**31 + 5, -2**45, 10**18, 2**64 - 1, 2**64, -2**64, 10**40 + 7, 3**200]
for i in range(12):
    vals.append(rnd(rnd(10) % 700 + 2) * (1 if rnd(1) else -1) or 1)
for a in vals + [0]:
    for b in vals:
        q, r = divmod(a, b)
        print(a // b, a % b, q * b + r == a, abs(r) < abs(b), (r == 0) or ((r < 0) == (b < 0)))
show(lambda: 1 // 0); show(lambda: 1 % 0); show(lambda: divmod(1, 0)); show(lambda: (2**100) // 0); show(lambda: 0 % 0)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7 // -2, -7 % -2, divmod(-7, 2), divmod(7, -2))
