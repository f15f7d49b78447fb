def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in ['1', '1j', '-j', '+j', 'j', '1+j', '1-j', '1+2j', '(1+2j)', ' ( 1+2j ) ', '1.5e3-2.5e-3J', 'inf+nanj', 'infj', '-nanj', '1_0+2_0j', '1__0', '1_j', '1+2', '1 +2j', '()', '', '(1', '1)', 'x', '1e5j', '.5j', '5.j', '1e+5+1e-5j', '\u0661+\u0662j', '1+2j\x00', 'J', '--1j', '1+-2j']:
    show(lambda: complex(s))
show(lambda: complex(1, 2)); show(lambda: complex(1j, 2j)); show(lambda: complex('1', 2)); show(lambda: complex(1, '2')); show(lambda: complex([])); show(lambda: complex(1, [])); show(lambda: complex(imag=3)); show(lambda: complex(real=1, imag=2)); show(lambda: complex(1, 2, 3)); show(lambda: complex()); show(lambda: complex(2.5)); show(lambda: complex(True, False)); show(lambda: complex(b'1')); show(lambda: complex(10**400))
class C:
    def __complex__(self):
        return 3+4j
class Fl:
    def __float__(self):
        return 1.5
class Ix:
    def __index__(self):
        return 2
print(complex(C()), complex(Fl()), complex(Ix()), complex(Fl(), Ix()))
