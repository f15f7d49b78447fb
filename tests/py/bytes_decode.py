def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(b'abc'.decode(), b'caf\xc3\xa9'.decode('utf-8'), b'caf\xe9'.decode('latin-1'), b'\xff'.decode('utf-8', 'replace'), b'\xff'.decode(errors='ignore'), b'a'.decode(encoding='ascii'))
t(lambda: b'\xff'.decode())
t(lambda: b'a'.decode(1))
t(lambda: b'a'.decode('zz'))
t(lambda: b'a'.decode('utf-8', 1))
t(lambda: b'\xff'.decode('ascii'))
print(bytearray(b'xyz').decode(), bytearray(b'\xe9').decode('latin-1'))
print(repr(b'\xe2\x82\xac'.decode()))
