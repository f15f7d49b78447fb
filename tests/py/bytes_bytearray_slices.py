def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

def s(code):
    g = {'b': bytearray(b'abcdef')}
    try:
        exec(code, g)
        print(code, '->', repr(g['b']))
    except Exception as e:
        print(code, '!!', type(e).__name__ + ':', e)
for c in ["b[1:3] = b'XYZ'", "b[1:3] = b''", "b[:] = b''", "b[2:2] = b'--'", "b[::2] = b'XYZ'", "b[::-2] = b'123'", "b[::2] = [1, 2, 3]", "b[1:5:2] = b'XY'",
          "del b[1:3]", "del b[::2]", "del b[::-1]", "del b[1:5:3]", "del b[:]", "del b[100:]", "b[10:20] = b'zz'", "b[-2:] = b'END'", "b[4:1] = b'Q'",
          "b[2:2] = b", "b[::-1] = b", "b[:] = b[::-1]", "b[1:3] = [65, 66, 67]", "b[1:3] = iter([65])", "b[0:0] = range(3)", "b[1:3] = memoryview(b'MV')",
          "b[1:3] = bytearray(b'ba')", "del b[0]", "del b[-1]", "b[::3] = b'12'", "b[5:0:-2] = b'xyz'", "b[1:2] = (x for x in [90, 91])"]:
    s(c)
b = bytearray(b'0123456789')
print(b[2:8:2], b[::-3], b[8:2:-2], b[100:], b[-3:], type(b[:]).__name__, b[:] is b)
