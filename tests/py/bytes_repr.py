for v in [b'\'"', b"'", b'"', b'\\', b'\x7f\x80\t\n\r\x00 ~']:
    print(repr(v), repr(bytearray(v)), str(bytearray(v)))
class MyBA(bytearray): pass
print(repr(MyBA(b"it's")))
print(b'abc'.__sizeof__() - b''.__sizeof__(), bytearray(b'abc').__sizeof__() >= 56)
print(memoryview(b'ab').__sizeof__() > 0)
