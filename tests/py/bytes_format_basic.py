def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

cases = [
 (b'%s', b'x'), (b'%b', b'y'), (b'%s|%s', (b'a', bytearray(b'b'))), (b'%s', memoryview(b'mv')), (b'%5s|', b'ab'), (b'%-5s|', b'ab'), (b'%.1s', b'abc'), (b'%05s', b'a'),
 (b'%r', 'é'), (b'%a', b'x'), (b'%r', 1.5), (b'%c', 65), (b'%c', b'Z'), (b'%c', bytearray(b'z')), (b'%3c|', 66), (b'%-3c|', 67),
 (b'%%', ()), (b'%%%s', b'x'), (b'x', ()), (b'x', {}), (b'x', []), (b'%(a)s %(b)s', {b'a': b'1', b'b': b'2'}),
]
for fmt, args in cases:
    t(lambda: fmt % args)
class WithBytes:
    def __bytes__(self): return b'<wb>'
class BadBytes:
    def __bytes__(self): return 'str'
t(lambda: b'%s' % WithBytes())
t(lambda: b'%s' % BadBytes())
t(lambda: b'%s' % 'a')
t(lambda: b'%s' % 1)
t(lambda: b'%s' % None)
t(lambda: b'%s %s' % (b'a',))
t(lambda: b'%s' % (b'a', b'b'))
t(lambda: b'x' % 5)
t(lambda: b'%' % ())
t(lambda: b'%y' % 1)
t(lambda: b'%5%' % ())
t(lambda: b'%5%' % (1,))
t(lambda: b'%(a' % {})
t(lambda: b'%(a)s' % (1,))
t(lambda: b'%(a)s' % {})
t(lambda: b'%c' % 256)
t(lambda: b'%c' % -1)
t(lambda: b'%c' % 'a')
t(lambda: b'%c' % b'ab')
t(lambda: b'%c' % 3.0)
t(lambda: b'%c' % 2**70)
t(lambda: b'%*s' % ('a', b'x'))
t(lambda: b'%5(a)s' % {b'a': b'1'})
t(lambda: b'%(a)%' % {b'a': 1})
