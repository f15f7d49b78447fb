def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

class B(bytes):
    def __repr__(self): return 'B(' + super().__repr__() + ')'
b = B(b'hello')
print(b, repr(b), len(b), b[0], b[1:3], type(b[1:3]).__name__)
print(type(b.upper()).__name__, type(b.strip()).__name__, type(b + b'x').__name__, type(b * 2).__name__)
print(b.split(b'l'), [type(x).__name__ for x in b.split(b'l')])
print(b.replace(b'l', b'L'), type(b.replace(b'x', b'y')).__name__)
print(hash(b) == hash(b'hello'), b == b'hello', b'hello' == b)
class BA(bytearray):
    pass
ba = BA(b'xyz')
print(ba, repr(ba), type(ba.upper()).__name__, type(ba[:1]).__name__, type(ba + b'1').__name__)
ba.append(33); print(ba)
