# b'' and the one-byte bytes objects are shared singletons; slicing or
# copying an exact bytes object whole gives the object itself.
def same(a, b):
    return a is b
E, A, Q, B, Y, X7, XFF = b'', b'A', b'q', b'b', b'y', b'\x07', b'\xff'
print(same(bytes([65]), bytes([65])), same(b'a'[0:1], b'xa'[1:2]), same(bytes(), E), same(b''.join([]), E))
print(same(bytes(bytearray(b'q')), Q), same(b'abc'[1:2], B), same(bytes([255]), XFF))
x = b'abc'
print(same(x[:], x), same(x[0:3], x), same(bytes(x), x), same(x * 1, x), same(x + E, x), same(E + x, x))
print(same(bytes(0), E), same(bytes(memoryview(E)), E), same(bytes([]), E), same(bytes([7]), X7), same(bytes.fromhex('41'), A), same(b'%s' % E, E))
print(same(bytes(E), E), same(b'abc'.strip(b'abc'), E), same(b'a,b'.split(b',')[0], b'a,b'[0:1]), same(b'xyz'[1:2], Y), same(b'xy'.replace(b'x', E), Y))
