def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for s in [b'a\tb', b'\t', b'ab\tcd\te', b'12345678\tx', b'a\nb\tc', b'a\r\tb', b'\t\t', b'']:
    print(s.expandtabs(), s.expandtabs(4), s.expandtabs(1), s.expandtabs(0), s.expandtabs(-1), s.expandtabs(tabsize=3))
t(lambda: b'a'.expandtabs('x'))
t(lambda: b'a'.expandtabs(2, 3))
t(lambda: b'a'.expandtabs(size=3))
print(bytearray(b'x\ty').expandtabs(2))
