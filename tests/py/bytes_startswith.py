def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

b = b'hello world'
for args in [(b'he',), (b'wo', 6), (b'hello', 0, 4), ((b'x', b'h'),), ((b'x',),), (b'',), (b'', 11), (b'', 12), (b'd', -1), (b'world', -5, None), (bytearray(b'hel'),)]:
    print(args, b.startswith(*args), b.endswith(*args))
t(lambda: b.startswith('h'))
t(lambda: b.endswith(1))
t(lambda: b.startswith((b'h', 'x')))
t(lambda: b.endswith(('x',)))
t(lambda: b.startswith())
t(lambda: b.startswith(b'h', 'x'))
t(lambda: b.endswith(b'd', 0, 'x'))
t(lambda: b.startswith(b'a', 1, 2, 3))
