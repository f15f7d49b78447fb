def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

m = memoryview(bytes(range(24))).cast('B', [2, 3, 4])
print(m.ndim, m.shape, m.strides, len(m), m.nbytes, m.c_contiguous, m.f_contiguous, m.contiguous)
print(m.tolist())
print(m[1, 2, 3], m[0, 0, 0], m[-1, -1, -1], m.tobytes()[:5], m.tobytes('F')[:6], m.hex()[:10])
s = m[1:]
print(s.shape, s.tolist(), s.strides)
t(lambda: m[0])
t(lambda: m[0, 1])
t(lambda: m[0, 1, 2, 3])
t(lambda: m[2, 0, 0])
t(lambda: m[0, 5, 0])
t(lambda: m[0:1, 0])
t(lambda: m[0:1, 0:1])
t(lambda: list(m))
f = memoryview(bytes(range(6))).cast('B', [2, 3]).cast('B')
print(f.tolist(), f.shape)
w = memoryview(bytearray(6)).cast('B', [2, 3])
w[1, 2] = 9; w[0, 0] = 1
print(w.tolist())
t(lambda: w.__setitem__(0, 1))
t(lambda: w.__setitem__((0,), 1))
t(lambda: w.__setitem__(slice(0, 1), b'abc'))
i2 = memoryview(bytearray(16)).cast('i', [2, 2])
i2[1, 1] = -5; print(i2.tolist(), i2 == memoryview(bytearray(16)).cast('i', [2, 2]))
print(m == memoryview(bytes(range(24))).cast('B', [2, 3, 4]), m == memoryview(bytes(range(24))).cast('B', [4, 6]), m == bytes(range(24)))
