def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for f in [0.0, -0.0, 1.5, -1.5, 2.5, 1e300, 0.1, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 1 / 3, float('inf'), float('nan')]:
    show(lambda: f.hex()); show(lambda: f.as_integer_ratio()); show(lambda: f.is_integer()); show(lambda: f.__trunc__()); show(lambda: f.conjugate()); show(lambda: (f.real, f.imag)); show(lambda: f.__getnewargs__())
for s in ['0x1.8p1', '  -0X1P-1074  ', '0x1p-1075', '0x1.8p-1075', '1.f', 'inf', '-Infinity', '0x.8', '0x1.fffffffffffff7p1023', '0x1.fffffffffffff8p1023', '0x1p1024', 'x', '0x', '0x1p', '1p+', '0x1.', '.', '0x.p1', '0x1p1 x', 'nan', '0x1.0000000000000800001p0', '0x1.00000000000008p0', '0x1.00000000000018p0', '0x3.ap-2', '0x0p0', '-0x0.0p+0', '0x1p-1080', '0x1.ffffp-1030', '0x1p99999999999', '0x1p-99999999999', 'ff', '0xABCDEFp-10']:
    show(lambda: float.fromhex(s))
show(lambda: float.__getformat__('double')); show(lambda: float.__getformat__('float')); show(lambda: float.__getformat__('x'))
class MyFloat(float): pass
print(type(MyFloat.fromhex('0x1p1')).__name__, MyFloat(2.5) + 1, type(MyFloat(2.5) + 1).__name__, repr(MyFloat('1.5')), MyFloat(), float(MyFloat(3.25)), type(float(MyFloat(3.25))).__name__)
