def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

b = b'hello world'
for x in [b'lo', b'', b'xyz', 104, 0, bytearray(b'wor'), memoryview(b'ld')]:
    print(type(x).__name__, bytes(x) if not isinstance(x, int) else x, x in b)
t(lambda: 'h' in b)
t(lambda: 300 in b)
t(lambda: -1 in b)
t(lambda: 1.5 in b)
t(lambda: None in b)
print(0 in b'\x00', 255 in b'\xff', 255 in b'')
