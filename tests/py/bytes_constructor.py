def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(bytes(), bytes(3), bytes(0), bytes([1, 2, 255]), bytes((65, 66)), bytes(range(3)), bytes(b'abc'), bytes(bytearray(b'x')), bytes(memoryview(b'mv')))
print(bytes('abc', 'ascii'), bytes('é', 'utf-8'), bytes('é', encoding='latin-1'), bytes('\u20ac', 'ascii', 'replace'), bytes(source=b'k'))
print(bytes(iter([1, 2])), bytes(x for x in [3, 4]), bytes([True, False]))
class WB:
    def __bytes__(self): return b'wb'
print(bytes(WB()))
class Idx:
    def __index__(self): return 4
print(bytes(Idx()))
t(lambda: bytes('a'))
t(lambda: bytes(-1))
t(lambda: bytes([300]))
t(lambda: bytes([-1]))
t(lambda: bytes(['a']))
t(lambda: bytes(1.5))
t(lambda: bytes(b'a', 'x'))
t(lambda: bytes('a', errors='strict'))
t(lambda: bytes(None))
t(lambda: bytes(1, 2, 3, 4))
t(lambda: bytes('\u20ac', 'ascii'))
class Bad:
    def __bytes__(self): return 1
t(lambda: bytes(Bad()))
class B(bytes): pass
x = B(b'sub'); print(type(x).__name__, x, x == b'sub', isinstance(x, bytes))
print(bytes.fromhex('61'), bytes(B(b'q')), type(bytes(B(b'q'))).__name__)
