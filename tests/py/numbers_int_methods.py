def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0, 1, -1, 5, -5, 37, 255, 2**70, -2**70, 1234567, 2**64 - 1]:
    print(v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.conjugate(), v.real, v.imag, v.numerator, v.denominator, v.__index__(), v.__trunc__(), v.__floor__(), v.__ceil__(), v.__getnewargs__(), v.__sizeof__() - (0).__sizeof__(), v.__abs__(), v.__neg__(), v.__pos__(), v.__invert__())
print(int.bit_length(5), (5).__add__(3), (5).__radd__(3), (5).__sub__(1.0), (5).__mul__(2), (7).__floordiv__(2), (7).__truediv__(2), (7).__mod__(3), (7).__divmod__(3), (2).__pow__(10), (2).__pow__(10, 7), (3).__rpow__(2), (5).__lt__(3), (5).__eq__(5.0), (5).__bool__(), (5).__float__(), (5).__int__(), (5).__hash__())
print(int.__new__(int, 5), int.__new__(int, '7'), (5).__format__('>4'), (5).__format__(''), type((True).__int__()).__name__, int.real.__doc__ is not None)
