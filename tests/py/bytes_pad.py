def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

b = b'abc'
for w in [-1, 0, 3, 4, 5, 6, 7, 10]:
    print(w, b.center(w), b.ljust(w), b.rjust(w), b.center(w, b'*'), b.ljust(w, b'-'), b.rjust(w, bytearray(b'.')))
for w in [0, 1, 2, 3, 4, 5]:
    print(b'ab'.center(w, b'*'), b'a'.center(w, b'*'), b''.center(w, b'*'))
t(lambda: b.center(5, 'x'))
t(lambda: b.center('x'))
t(lambda: b.center())
t(lambda: b.ljust(3, b'ab'))
t(lambda: b.rjust(5, 1))
t(lambda: b.center(5, b'a', 1))
print(b.center(3) is b, b.ljust(2) is b)
for s in [b'42', b'-42', b'+42', b'', b'-', b'abc', b'--1']:
    print(s.zfill(5), s.zfill(0), s.zfill(1))
t(lambda: b.zfill('x'))
t(lambda: b.zfill())
print(bytearray(b'-7').zfill(4))
