def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(True + True, True * 3, True & False, True | False, True ^ True, ~True, -True, True / 2, True // 1, repr(True & 1), repr(True | 0), repr(False ^ 1), True == 1, hash(True), str(False), repr(True))
print(bool(), bool(0), bool([]), bool(0.0), bool(1j), bool(-0.0), bool('a'), bool(None), isinstance(True, int), int(True), float(False), True.real, True.bit_length(), True.numerator, (True).conjugate(), type(True.conjugate()).__name__)
print(True & True, False | False, True ^ False, type(True & True).__name__, type(True & 1).__name__, type(True + False).__name__, True << 3, True >> 1, True ** 10, divmod(True, 2), True % 2)
show(lambda: bool(1, 2)); show(lambda: bool(x=1)); show(lambda: type('B', (bool,), {})); show(lambda: True / False)
print(format(True), format(False, '>6'), format(True, 'd'), f'{True!r:>6}', True.__format__(''), repr(True.__round__()), sum([True, True, False]), max(True, 2), sorted([True, False, 0, 1]))
print(True is bool(1), False is (1 > 2), (1 < 2) is True, bool.__name__, bool.__base__.__name__, True.to_bytes(1, 'big'), int.from_bytes(b'\x01', 'big') is True)
