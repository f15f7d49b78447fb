def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

b = bytearray(b'abcdef')
m = memoryview(b)
m[0] = 65; print(b)
m[-1] = 70; print(b)
m[1:3] = b'BC'; print(b)
m[::2] = b'xyz'; print(b)
m[1:4] = bytearray(b'123'); print(b)
m[:] = m[::-1].tobytes(); print(b)
m[2:4] = m[0:2]; print(b)
def s(f):
    try:
        f(); print(b)
    except Exception as e:
        print(type(e).__name__ + ':', e)
s(lambda: m.__setitem__(0, 300))
s(lambda: m.__setitem__(0, -1))
s(lambda: m.__setitem__(0, 'a'))
s(lambda: m.__setitem__(0, 1.5))
s(lambda: m.__setitem__(slice(0, 2), b'xyz'))
s(lambda: m.__setitem__(slice(0, 2), 5))
s(lambda: m.__setitem__(10, 1))
s(lambda: m.__setitem__('a', 1))
s(lambda: m.__delitem__(0))
s(lambda: memoryview(b'ro').__setitem__(0, 1))
r = m.toreadonly()
s(lambda: r.__setitem__(0, 1))
c = m.cast('c'); c[0] = b'Q'; print(b, c.tolist())
s(lambda: c.__setitem__(0, 1))
s(lambda: c.__setitem__(0, b'zz'))
q = m.cast('?'); q[1] = 5; print(b[1])
