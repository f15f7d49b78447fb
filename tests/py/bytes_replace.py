def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

s = b'aXbXcX'
print(s.replace(b'X', b'-'), s.replace(b'X', b''), s.replace(b'X', b'<>', 2), s.replace(b'X', b'', 0), s.replace(b'Y', b'Z'))
print(b'abc'.replace(b'', b'-'), b'abc'.replace(b'', b'-', 2), b''.replace(b'', b'x'), b'aaaa'.replace(b'aa', b'b'), b'aaa'.replace(b'a', b'bb', -1))
print(b'abc'.replace(bytearray(b'b'), memoryview(b'BB')))
t(lambda: b'a'.replace())
t(lambda: b'a'.replace(b'a'))
t(lambda: b'a'.replace('a', 'b'))
t(lambda: b'a'.replace(b'a', 'b'))
t(lambda: b'a'.replace(b'a', b'b', 'x'))
t(lambda: b'a'.replace(b'a', b'b', 1, 2))
x = b'same'
print(x.replace(b'q', b'r') is x)
print(bytearray(b'hello').replace(b'l', b'L'))
