def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(b'abc'.__len__(), b'abc'.__getitem__(1), b'abc'.__contains__(98), b'a'.__add__(b'b'), b'ab'.__mul__(2), b'ab'.__rmul__(2), b'%d'.__mod__(5), b'x'.__rmod__(5))
print(bytes.__mod__(b'%s', b'q'), bytearray.__mod__(bytearray(b'%s'), b'q'))
print(b'x'.__eq__('x'), b'x'.__lt__(b'y'), bytearray(b'x').__eq__('x'))
print(sorted([b'b', b'a', b'ab', b'']), sorted([bytearray(b'z'), bytearray(b'y')]))
print({b'a': 1}[b'a'], b'a' in {b'a'}, len({b'x', b'x', bytes(b'x')}))
print(b''.join([]) == b'', b'a' * 1 == b'a')
print(int(b'42'), float(b'1.5'), int(bytearray(b'7')), int(b'ff', 16))
print(b'%s and %s' % (b'x', b'y'), b'%-3s|' % b'a')
print(list(zip(b'ab', bytearray(b'cd'))), [x for x in memoryview(b'hi')])
print(bytes.maketrans(b'', b'')[:5], ord(b'a'), ord(bytearray(b'b')), chr(b'c'[0]))
print(b'\x00' < b'\x00\x00', b'\xff' > b'\x7f', bytearray(b'\xff') > b'\x7f')
print(isinstance(b'', bytes), issubclass(bytes, object), bytes.__name__, bytearray.__name__, memoryview.__name__)
print(bytes.__reduce_ex__(b'ab', 2)[1], bytearray(b'ab').__reduce_ex__(4))
print(bytearray().__reduce_ex__(3), bytearray(b'z').__reduce_ex__(), bytearray(b'z').__reduce_ex__(5))
