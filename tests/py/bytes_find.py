def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

b = b'abcabcab'
for args in [(b'a',), (b'ab', 1), (b'ab', 1, 4), (b'', ), (b'', 8), (b'', 9), (b'c', -3), (b'zz',), (97,), (99, 3), (b'b', None, -1), (b'b', -100, 100), (b'abcabcabx',)]:
    print(args, b.find(*args), b.rfind(*args), b.count(*args))
t(lambda: b.index(b'z'))
t(lambda: b.rindex(b'c', 0, 2))
t(lambda: b.index(b'c', 3))
t(lambda: b.rindex(b'c'))
t(lambda: b.find())
t(lambda: b.find(1, 2, 3, 4))
t(lambda: b.find('a'))
t(lambda: b.find(b'a', 'x'))
t(lambda: b.find(256))
t(lambda: b.find(-1))
t(lambda: b.count(b'a', None, 'x'))
t(lambda: b.find(bytearray(b'ca')))
t(lambda: b.find(memoryview(b'ca')))
t(lambda: b''.find(b''))
t(lambda: b''.count(b''))
t(lambda: b'aaaa'.count(b'aa'))
t(lambda: b'aaaa'.count(b''))
t(lambda: b'abc'.count(b'', 1, 2))
t(lambda: b'abc'.find(b'c', 10**30))
t(lambda: b'abc'.rfind(b'', -1))
