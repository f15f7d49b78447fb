def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

samples = [b'a b  c ', b'  a\tb\nc  ', b'', b'   ', b'abc', b'a,b,,c,', b',a,', b'one two three four']
for s in samples:
    print(s.split(), s.rsplit(), s.split(None, 1), s.rsplit(None, 1), s.split(maxsplit=2), s.rsplit(maxsplit=0))
    print(s.split(b','), s.rsplit(b','), s.split(b',', 1), s.rsplit(b',', 1), s.split(sep=b',', maxsplit=0))
print(b'a--b--c'.split(b'--'), b'a--b--c'.rsplit(b'--', 1), b'aaa'.split(b'aa'), b'aaa'.rsplit(b'aa'))
print(b'a b'.split(None, -5), b'x'.split(b'x'))
t(lambda: b'a'.split(b''))
t(lambda: b'a'.rsplit(b''))
t(lambda: b'a'.split(1))
t(lambda: b'a'.split('a'))
t(lambda: b'a'.split(maxsplit='x'))
t(lambda: b'a'.rsplit(b'a', 1, 2))
t(lambda: b'a'.split(sep=1))
t(lambda: b'a'.split(x=1))
ba = bytearray(b'p q r')
print(ba.split(), ba.rsplit(b' ', 1), type(ba.split()[0]).__name__)
print(b'a b'.split(bytearray(b' ')), b'a b'.split(memoryview(b' ')))
