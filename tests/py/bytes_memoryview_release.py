def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

b = bytearray(b'data')
m = memoryview(b)
with m as x:
    print(x is m, x.tobytes())
print(repr(m).startswith('<released memory at 0x'), repr(memoryview(b'')).startswith('<memory at 0x'))
def s(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)
for f in [lambda: len(m), lambda: m[0], lambda: m.tobytes(), lambda: m.tolist(), lambda: m.obj, lambda: m.nbytes, lambda: m.format, lambda: m.shape,
          lambda: m.readonly, lambda: m.cast('B'), lambda: m.hex(), lambda: memoryview(m), lambda: m == m, lambda: m == b'data', lambda: m.release(), lambda: m[0:1],
          lambda: bytes(m), lambda: m.__enter__(), lambda: hash(m), lambda: m.c_contiguous, lambda: m.toreadonly()]:
    s(f)
b.append(33); print(b)
m1 = memoryview(b); m2 = memoryview(m1); m1.release()
s(lambda: b.append(1))
print(m2.tobytes()); m2.release(); b.append(1); print(b)
m3 = memoryview(b); m4 = memoryview(m3)
s(lambda: m3.release())
print(len(b))
e = memoryview(b'abc'); r = e.toreadonly(); e.release(); print(r.tobytes())
s(lambda: hash(memoryview(bytearray(b'x'))))
s(lambda: hash(memoryview(b'abcd').cast('i')))
s(lambda: hash(memoryview(b'ab').cast('c')) == hash(b'ab'))
import _weakref
w = memoryview(b'w'); r = _weakref.ref(w); print(r() is w)
