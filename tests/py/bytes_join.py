def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(b','.join([b'a', b'b', b'c']), b''.join([]), b'-'.join([b'x']), b', '.join((bytearray(b'a'), memoryview(b'b'), b'c')))
print(b'ab'.join(iter([b'1', b'2', b'3'])), b'.'.join(x for x in [b'p', b'q']))
print(b'x'.join([b'']*5))
t(lambda: b'a'.join([1]))
t(lambda: b'a'.join([b'x', 'y']))
t(lambda: b'a'.join(1))
t(lambda: b'a'.join())
print(bytearray(b'/').join([b'u', b'v']), type(bytearray(b'/').join([])).__name__)
one = b'solo'
print(b'-'.join([one]) is one)
print(len(b'.'.join([b'ab'] * 100)))
