def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: 1e308 + 10**400); show(lambda: 10**400 * 1.0); show(lambda: 2.0 ** (10**400)); show(lambda: divmod(1.5, 10**400)); show(lambda: 10**400 // 1.5)
show(lambda: 10**400 < 1.5); show(lambda: 1.5 == 10**400); show(lambda: hash(10**400 + 0.0))
show(lambda: int.__new__(int, '12', 8)); show(lambda: int.__new__(int)); show(lambda: float.__new__(float, '2.5')); show(lambda: complex.__new__(complex, 1, 2))
show(lambda: (3).__truediv__(0)); show(lambda: (3).__rtruediv__(2)); show(lambda: (3.0).__rfloordiv__(7)); show(lambda: (2).__rpow__(3, 5)); show(lambda: pow(3, 4, 5.0))
show(lambda: 5 .__class__); show(lambda: (1).__add__('a')); show(lambda: int.__add__(1, 2.0)); show(lambda: float.__add__(1.0, 'a'))
show(lambda: 7 .__ceil__()); show(lambda: (-7.5).__ceil__()); show(lambda: 2.5 .__round__(0)); show(lambda: 25 .__round__(-1)); show(lambda: (-25.0).__round__(-1))
show(lambda: round(0.5, 0)); show(lambda: round(-0.5, 0)); show(lambda: round(1e-320, 323)); show(lambda: round(5e-324, 324)); show(lambda: round(123.456, -1)); show(lambda: round(-123.456, -3)); show(lambda: round(0.285, 2)); show(lambda: round(0.2850000000000001, 2))
show(lambda: format(2**64, ',')); show(lambda: format(-2**64, '_x')); show(lambda: '{:,}'.format(-1234567.891)); show(lambda: '{0:{1}}'.format(3.14159, '.3')); show(lambda: '%.3g|%g|%G' % (0.0001234, 1e-5, 1e20))
show(lambda: float('1e-400')); show(lambda: float('-0')); show(lambda: float('+0.0e0')); show(lambda: 1/3 * 3 == 1); show(lambda: 0.1 + 0.7); show(lambda: 4.35 * 100)
show(lambda: 2**0.5 * 2**0.5); show(lambda: 10 ** -330); show(lambda: 2 ** -1075); show(lambda: (-2) ** 0.5 ** 2); show(lambda: (-1) ** 3.0); show(lambda: (-1.0) ** 2.5)
show(lambda: 1j ** 2); show(lambda: (1+1j) ** 0.5); show(lambda: 2 ** 1j); show(lambda: 1j ** 1j); show(lambda: abs(-0.0j)); show(lambda: (1e300j) * (1e300j))
show(lambda: True + 1.5); show(lambda: True * 1j); show(lambda: 1 / True); show(lambda: False ** False); show(lambda: -False); show(lambda: True << 100)
print(int('١٢٣٤٥٦٧٨٩٠'), float('１２.５'), complex('３+４j'))
print(0.1 .hex(), (-0.1).as_integer_ratio(), (2.0**-1074).as_integer_ratio()[1] == 2**1074, float.fromhex('0x1.999999999999ap-4') == 0.1)
