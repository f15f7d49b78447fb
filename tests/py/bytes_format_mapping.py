def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__ + ':', e)
t(lambda: b'x' % bytearray(b'a'))
t(lambda: b'x' % 'abc')
t(lambda: b'x' % memoryview(b'a'))
t(lambda: b'x' % b'a')
t(lambda: b'x' % [1])
t(lambda: b'%s' % [1])
t(lambda: b'%(x)s' % [1])
class M:
    def __getitem__(self, k): return b'v' + k
t(lambda: b'%(ab)s %(c)s' % M())
t(lambda: b'%s %(a)s' % M())
t(lambda: b'%(a)s %s' % M())
t(lambda: b'%(a)s %%' % M())
t(lambda: b'%(a)*d' % M())
