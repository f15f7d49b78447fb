def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

samples = [b'', b'abc', b'ABC', b'Abc', b'abc1', b'123', b' \t\n\r\x0b\x0c', b'Hello World', b'Hello world', b'HELLO WORLD',
           b'\x80', b'a\xe9', b'A1B2', b'1a', b'_', b'Ab Cd', b'aB', b'  ', b'Ab1 Cd2']
for s in samples:
    print(s, [f(s) for f in (bytes.isalnum, bytes.isalpha, bytes.isascii, bytes.isdigit, bytes.islower, bytes.isspace, bytes.istitle, bytes.isupper)])
t(lambda: b'a'.isalpha(1))
t(lambda: bytearray(b'a').isupper(1))
print(bytearray(b'Abc').istitle(), bytearray(b'').isascii())
