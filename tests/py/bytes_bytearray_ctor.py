def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(bytearray(), bytearray(3), bytearray([1, 2]), bytearray(b'ab'), bytearray(memoryview(b'mv')), bytearray('é', 'utf-8'), bytearray('a', encoding='ascii', errors='strict'))
print(bytearray(iter(b'it')), bytearray(range(65, 68)), bytearray(bytearray(b'copy')))
t(lambda: bytearray('a'))
t(lambda: bytearray(-1))
t(lambda: bytearray(1.5))
t(lambda: bytearray(b'a', 'x'))
t(lambda: bytearray('a', errors='x'))
t(lambda: bytearray([300]))
t(lambda: bytearray(None))
t(lambda: bytearray(['x']))
b = bytearray(b'old'); b.__init__(b'new'); print(b)
b.__init__(); print(b)
b.__init__(2); print(b)
print(bytearray(b'x').__alloc__() >= 2, bytearray().__alloc__())
print(bytearray(b'abc').__reduce__(), bytearray(b'\xff').__reduce_ex__(2))
class BA(bytearray): pass
x = BA(b'v'); x.attr = 1
print(x.__reduce__())
it = iter(bytearray(b'ab')); print(type(it).__name__, it.__length_hint__(), list(it))
