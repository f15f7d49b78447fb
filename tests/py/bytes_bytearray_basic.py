def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

b = bytearray(b'hello')
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], list(b), bytes(b))
b[0] = 72; print(b)
b[-1] = ord('O'); print(b)
b.append(33); print(b)
b.extend(b' world'); print(b)
b.extend([1, 2]); print(b)
b.extend(x for x in [3]); print(b)
b.insert(0, 62); b.insert(100, 60); b.insert(-1, 61); b.insert(-100, 59); print(b)
print(b.pop(), b.pop(0), b.pop(-2), b)
b.remove(ord('l')); print(b)
b.reverse(); print(b)
c = b.copy(); c.clear(); print(b == c, c, b)
b += b'!!'; print(b)
b *= 2; print(b)
print(b * 0, bytearray(b'ab') * 3, 2 * bytearray(b'x'))
b2 = bytearray(b'ab'); b2 *= 0; print(b2)
x = bytearray(b'ab'); y = x; x += b'c'; print(y, x is y)
x = bytearray(b'ab')
try:
    x += x
except BufferError as e:
    print('BufferError:', e)
print(x)
print(bytearray(b'abc') == b'abc', bytearray(b'a') < b'b', bytearray(b'b') >= bytearray(b'b'), bytearray(b'x') == memoryview(b'x'), bytearray(b'x') != 'x')
print(str(bytearray(b'q')), repr(bytearray()), repr(bytearray(b"'")))
t(lambda: hash(bytearray()))
print(b'x' + bytearray(b'y'), type(b'x' + bytearray(b'y')).__name__)
