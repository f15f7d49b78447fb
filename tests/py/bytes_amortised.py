def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

b = bytearray()
for i in range(100000):
    b.append(i & 255)
print(len(b), b[:5], b[-3:])
while len(b) > 10:
    if len(b) > 2000:
        del b[:1000]
    else:
        del b[:1]
print(len(b), b)
q = bytearray(b'x' * 50000)
n = 0
while q:
    q.pop(0); n += 1
print(n, q)
r = bytearray(range(256)) * 4
for _ in range(500):
    r.extend(r[:2]); del r[:2]
print(len(r), r[:4])
