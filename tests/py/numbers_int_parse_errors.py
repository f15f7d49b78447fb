def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in ['', ' ', '+', '-', '+-1', '1 2', '1__0', '_1', '1_', '0b', '0x', '0b_', '0_7', '1\x002', '12.5', '1e5', 'one', '0xg', '٣x']:
    for base in (10, 0, 16):
        show(lambda: int(s, base))
show(lambda: int('1', 1)); show(lambda: int('1', 37)); show(lambda: int('1', -1)); show(lambda: int(5, 10)); show(lambda: int(x='5')); show(lambda: int('1', 2, 3))
show(lambda: int('1', base='x')); show(lambda: int(base=2)); show(lambda: int([])); show(lambda: int(None)); show(lambda: int(1j)); show(lambda: int(b'x')); show(lambda: int(b'4\x002'))
show(lambda: int('x' * 300))
