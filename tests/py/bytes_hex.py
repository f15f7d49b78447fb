def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

b = bytes(range(0, 256, 17))
print(b.hex(), b.hex(':'), b.hex(b'-'), b.hex(' ', 2), b.hex(' ', -2), b.hex(':', 3), b.hex(':', -3), b.hex('|', 100), b.hex(sep='_', bytes_per_sep=4))
print(b''.hex(), b''.hex(':'), b'\x01'.hex(':', 2), b'\xff\x00'.hex(':', 0))
t(lambda: b.hex(1))
t(lambda: b.hex('ab'))
t(lambda: b.hex(''))
t(lambda: b.hex('\xe9'))
t(lambda: b.hex(b'\xff'))
t(lambda: b.hex(bytes_per_sep='x'))
t(lambda: b.hex([1]))
print(bytes.fromhex(''), bytes.fromhex('00ff'), bytes.fromhex(' 1a 2B\t3c\n'), bytes.fromhex('abcdef0123456789'))
t(lambda: bytes.fromhex('zz'))
t(lambda: bytes.fromhex('a'))
t(lambda: bytes.fromhex('a b'))
t(lambda: bytes.fromhex('0g'))
t(lambda: bytes.fromhex(b'a'))
t(lambda: bytes.fromhex('\xe9\xe9'))
print(bytearray.fromhex('4142'), bytearray(b'AB').hex('-'))
class B(bytes): pass
r = B.fromhex('41'); print(type(r).__name__, r)
class BA(bytearray): pass
r = BA.fromhex('41'); print(type(r).__name__, r)
