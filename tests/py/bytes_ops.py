def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

a = b'abc'
print(a + b'def', a + bytearray(b'x'), a + memoryview(b'y'), a * 3, 3 * a, a * 0, a * -1, b'' * 5)
t(lambda: a + 'x')
t(lambda: a + 1)
t(lambda: a * 'x')
t(lambda: a * 1.5)
print(a[0], a[-1], a[1:], a[::-1], a[::2], a[5:], a[-100:100], a[1:2])
t(lambda: a[3])
t(lambda: a[-4])
t(lambda: a['x'])
t(lambda: a[1.0])
print(a == b'abc', a != b'abd', a < b'abd', a <= b'ab', a > b'ab', a >= b'abc', b'' < b'\x00')
print(a == bytearray(b'abc'), a == 'abc', a == memoryview(b'abc'))
t(lambda: a < 'abc')
t(lambda: a < 1)
print(len(a), list(a), bytes(reversed(a)), sorted(b'cab'), max(a), min(a), sum(a))
print(hash(b'abc') == hash(b'abc'), hash(b'') == hash(b''))
it = iter(b'xy'); print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
print(type(iter(b'')).__name__)
print(a.__getnewargs__(), b'x'.__bytes__(), bytes.__bytes__(b'q'))
print(str(b'a'), repr(b"'"), repr(b'"'), repr(b'\'"'), repr(b'\t\n\r\x00\x7f\x80\\'))
