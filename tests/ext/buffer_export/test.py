import buf
b = buf.Buf()
m = memoryview(b)
print(m.nbytes, m.readonly, m.format, m.itemsize, m.shape, b.exports())
print(m[0], m[5], m[-1], list(m[:4]), m.tobytes()[:6], bytes(b)[:6])
m[0] = 200
print(bytes(b)[0], buf.checksum(b), buf.checksum(b"abc"), buf.checksum(bytearray(b"\x01\x02")))
m.release()
print(b.exports())
with memoryview(b) as m2:
    print(m2.tolist()[:5], b.exports())
print(b.exports())
ba = bytearray(4)
buf.fill(ba, 7)
print(ba)
try:
    buf.fill(b"abc", 1)
except TypeError as e:
    print("TypeError", e)
