def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

b = bytearray(b'  Hello, World  ')
print(b.strip(), b.lstrip(), b.rstrip(b' d'), b.lower(), b.upper(), b.title(), b.swapcase(), b.capitalize())
print(b.find(b'o'), b.rfind(b'o'), b.index(b'W'), b.count(b'l'), b.startswith(b'  H'), b.endswith(b'  '))
print(b.split(), b.split(b','), b.rsplit(None, 1), b.partition(b','), b.rpartition(b'o'))
print(b.replace(b'l', b'L', 2), b.center(20, b'*'), b.ljust(18, b'.'), b.rjust(18), bytearray(b'5').zfill(3))
print(b.hex(), bytearray(b'\x01\x02').hex(':'), b.isalpha(), bytearray(b'abc').isalpha(), bytearray(b'').isspace())
print(bytearray(b',').join([b'a', bytearray(b'b')]), bytearray(b'a\tb').expandtabs(4), bytearray(b'x\ny').splitlines(True))
print(bytearray(b'abc').translate(bytes.maketrans(b'a', b'A')), bytearray(b'xyz').removeprefix(b'x'), bytearray(b'xyz').decode())
print(b'b' in bytearray(b'abc'), 98 in bytearray(b'abc'), 120 in bytearray(b'abc'))
r = b.strip(); r[0] = 0; print(b)
