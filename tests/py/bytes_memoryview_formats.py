def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

raw = bytearray(40)
w0 = memoryview(raw)
w0[0:2].cast('h')[0] = -2
w0[2:4].cast('H')[0] = 65535
w0[4:8].cast('i')[0] = -70000
w0[8:12].cast('I')[0] = 4000000000
w0[12:20].cast('q')[0] = -2**40
w0[20:28].cast('Q')[0] = 2**63
w0[28:32].cast('f')[0] = 1.5
w0[32:40].cast('d')[0] = -2.25
m = memoryview(bytes(raw))
print(m[0:2].cast('h').tolist(), m[2:4].cast('H').tolist(), m[4:8].cast('i').tolist(), m[8:12].cast('I').tolist())
print(m[12:20].cast('q').tolist(), m[20:28].cast('Q').tolist(), m[28:32].cast('f').tolist(), m[32:40].cast('d').tolist())
print(raw.hex())
print(memoryview(b'\x00\x01\x02').cast('?').tolist(), memoryview(b'\xff\x7f').cast('b').tolist(), memoryview(b'xy').cast('c').tolist())
w = memoryview(bytearray(8))
for f, v in [('b', -128), ('B', 255), ('h', -32768), ('H', 65535), ('i', -2**31), ('I', 2**32 - 1), ('q', -2**63), ('Q', 2**64 - 1), ('f', 0.5), ('d', 1e300), ('n', -1), ('N', 7)]:
    c = w.cast(f)
    c[0] = v
    print(f, c[0])
def s(fmt, v):
    try:
        c = w.cast(fmt); c[0] = v; print(fmt, c[0])
    except Exception as e:
        print(fmt, type(e).__name__ + ':', e)
for f, v in [('b', 128), ('B', -1), ('h', 2**15), ('H', 2**16), ('i', 2**31), ('I', -1), ('q', 2**63), ('Q', 2**64), ('f', 'x'), ('d', None), ('b', 1.0), ('?', [])]:
    s(f, v)
print(memoryview(b'\x01\x00\x00\x00').cast('i') == memoryview(b'\x01\x00').cast('h'), memoryview(b'abcdefgh').cast('q') == memoryview(b'abcdefgh').cast('Q'))
nan = bytearray(8); memoryview(nan).cast('d')[0] = float('nan'); nan = bytes(nan)
print(memoryview(nan).cast('d') == memoryview(nan).cast('d'), memoryview(nan) == memoryview(nan))
