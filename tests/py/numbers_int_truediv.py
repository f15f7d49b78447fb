def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
_state = [99]
def rnd(bits):
    r = 0
    n = 0
    while n < bits:
        _state[0] = (_state[0] * 6364136223846793005 + 1442695040888963407) % 2**64
        r = (r << 32) | (_state[0] >> 32)
        n += 32
    return r >> (n - bits)

vals = [1, -1, 3, 7, 10, 2**53, 2**53 + 1, 2**54 + 3, 10**16 + 1, 10**22, 3**60, 2**1023, 2**1024, 2**1100 + 1, 10**308, 10**309, 7**400]
for i in range(10):
    vals.append(rnd(rnd(11) % 1200 + 1) * (1 if rnd(1) else -1) or 1)
for a in vals + [0]:
    for b in vals:
        show(lambda: a / b)
show(lambda: 1 / 0); show(lambda: 0 / -1); show(lambda: (-0) / 5); show(lambda: 10**400 / 10**-0); show(lambda: 10**800 / 10**100)
show(lambda: 1 / 10**400); show(lambda: 2**1074 and 1 / 2**1074); show(lambda: 1 / 2**1075); show(lambda: 3 / 2**1076); show(lambda: (2**1075 + 1) and 1 / (2**1075 - 1))
for k in range(1060, 1080):
    show(lambda: 1 / 2**k)
    show(lambda: 3 / 2**k)
