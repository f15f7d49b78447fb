def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for s in [b'  abc  ', b'\t\n abc \x0b\x0c', b'', b'   ', b'xxabcxx', b'abc']:
    print(s.strip(), s.lstrip(), s.rstrip(), s.strip(b'x'), s.lstrip(b'xa '), s.rstrip(bytearray(b'cx ')), s.strip(None))
t(lambda: b'a'.strip(1))
t(lambda: b'a'.strip('a'))
t(lambda: b'a'.strip(b'a', b'b'))
print(b'abc'.strip() is not None, b'abc'.strip(b'') )
print(bytearray(b' q ').strip(), bytearray(b'q').strip())
print(b'xyz'.removeprefix(b'x'), b'xyz'.removeprefix(b'y'), b'xyz'.removesuffix(b'yz'), b'xyz'.removesuffix(b''), b'xyz'.removeprefix(b'xyz'), b''.removesuffix(b'a'))
t(lambda: b'a'.removeprefix('a'))
t(lambda: b'a'.removesuffix())
print(bytearray(b'abc').removeprefix(b'a'), bytearray(b'abc').removesuffix(memoryview(b'c')))
