def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

fstrs = ['1', '1.5', '-1.5e10', ' 2.5 ', '1_000.5', '1__0', '1_.5', '1._5', '.5', '5.', '.', 'e5', '1e', '1e+', '1e-5', '1E5', 'inf', '-inf', '+inf', 'Infinity', '-iNfInItY', 'nan', '-NaN', 'nan(1)', 'infinit', '0x10', '1e500', '-1e500', '1e-500', '', ' ', '\u0663.\u0664', '\u2003 7 \u2003', '1\x00', 'abc', '0.1', '1.7976931348623157e308', '1.7976931348623159e308', '2.4703282292062328e-324', '2.4703282292062327e-324', '0.000000000000000000000000000000000000001', '123456789012345678901234567890', '+.5e-3', '-.5E+3', '1_0e1_0', '1e1_0', '_1', '1_']
for s in fstrs:
    show(lambda: float(s))
show(lambda: float(b'1.5')); show(lambda: float(bytearray(b' 2 '))); show(lambda: float(b'x')); show(lambda: float()); show(lambda: float(x=1)); show(lambda: float(10**400)); show(lambda: float(2**1024 - 2**970)); show(lambda: float(2**1024 - 2**971))
show(lambda: float([])); show(lambda: float(None)); show(lambda: float(True)); show(lambda: float(1, 2))
class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 7
class BadF:
    def __float__(self): return 1
print(float(F()), float(I()), float(2**53 + 1), float(-(2**63)))
show(lambda: float(BadF()))
