def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(int(), int(0), int(-0), int(5.9), int(-5.9), int('  42  '), int('-0'), int(True), int(2**100), type(int(True)).__name__)
print(int(1e18), int(1e19), int(-1e19), int(1.5e300) == 15 * 10**299 // 10, int(2.0**1023) == 2**1023, int(5e-324), int(-0.999))
show(lambda: int(float('inf'))); show(lambda: int(float('-inf'))); show(lambda: int(float('nan')))
for v in [0.0, 0.5, 1.5, 2.5, 1e15 + 0.5, 2.0**52 + 0.5, 2.0**62, 2.0**63, 2.0**64, -2.0**63, 1e25, 123456789.987654321]:
    print(int(v), int(-v), v.__trunc__(), v.__floor__(), v.__ceil__(), (-v).__floor__(), (-v).__ceil__())
