def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__ + ':', e)
b = bytearray(b'abc'); m = memoryview(b)
class I:
    def __index__(self):
        m.release(); return 0
t(lambda: m.__setitem__(0, I()))
t(lambda: b.append(1))
print(b)
b2 = bytearray(b'abc'); m2 = memoryview(b2)
class J:
    def __index__(self):
        m2.release(); b2.clear(); return 1
t(lambda: m2[J()])
print(b2)
b3 = bytearray(b'xyz')
class K:
    def __index__(self):
        b3.clear(); return 2
t(lambda: b3.find(b'z', K()))
t(lambda: b3.insert(K(), 65))
print(b3)
