def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for s in [b'', b'a', b'a\n', b'a\nb', b'a\r\nb\rc\n\nd', b'\n\n', b'\r\r\n', b'x\x0by\x0cz\x1cw']:
    print(s.splitlines(), s.splitlines(True), s.splitlines(keepends=True), s.splitlines(False))
t(lambda: b'a'.splitlines(1, 2))
t(lambda: b'a'.splitlines(keepends=[]))
t(lambda: b'a'.splitlines(x=1))
print(bytearray(b'q\nr').splitlines())
