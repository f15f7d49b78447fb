def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

tbl = bytes.maketrans(b'abc', b'xyz')
print(len(tbl), tbl[97:100], tbl[:3])
print(b'aabbcc'.translate(tbl), b'abcdef'.translate(tbl, b'de'), b'abc'.translate(None, b'b'), b'abc'.translate(None), b'abc'.translate(tbl, delete=b'a'))
t(lambda: b'a'.translate(b'x'))
t(lambda: bytes.maketrans(b'a', b'bc'))
t(lambda: bytes.maketrans('a', 'b'))
t(lambda: b'a'.translate(None, 1))
t(lambda: b'a'.translate())
t(lambda: bytes.maketrans(b'a'))
print(bytearray.maketrans(b'a', b'b') == bytes.maketrans(b'a', b'b'), type(bytearray.maketrans(b'', b'')).__name__)
print(bytearray(b'abc').translate(tbl), bytearray(b'abc').translate(None, b'c'))
x = b'keep'
print(x.translate(None) is x)
