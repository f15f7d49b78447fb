def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class I(int): pass
class F(float): pass
class C(complex): pass
show(lambda: I('12', base=8)); show(lambda: I(x='1')); show(lambda: I('1', 2, 3)); show(lambda: I(5.5)); show(lambda: F('2.5')); show(lambda: F(x=1)); show(lambda: C(real=1, imag=2)); show(lambda: C('1+2j')); show(lambda: C(1j))
show(lambda: int.__new__(I, '7')); show(lambda: float.__new__(F, 3)); show(lambda: complex.__new__(C, 1, 1)); show(lambda: int.__new__(float)); show(lambda: type(I(3) * 2).__name__)
print(repr(I(10**30)), repr(F(1e300)), repr(C(1, -0.0)), I(7).bit_length(), F(0.5).as_integer_ratio(), C(3, 4).conjugate(), abs(C(3, 4)))
class G(float):
    def __init__(self, *a, **k):
        pass
show(lambda: G(x=1))
show(lambda: G(2.5))
