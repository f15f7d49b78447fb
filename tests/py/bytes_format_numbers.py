def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

cases = [
 (b'%d', 42), (b'%i', -7), (b'%u', -3), (b'%d', True), (b'%d', 3.99), (b'%d', -3.99), (b'%5d|', 42), (b'%-5d|', 42), (b'%05d', -42), (b'%+d', 5), (b'% d', 5), (b'%+05d', 3), (b'% 05d', 5),
 (b'%.5d', -3), (b'%x', 255), (b'%X', 255), (b'%#x', 255), (b'%#X', 255), (b'%#010x', 255), (b'%o', 8), (b'%#o', 8), (b'%#o', 0), (b'%x', -255), (b'%.3x', 5), (b'%#.3x', 5),
 (b'%d', 10**30), (b'%x', 2**100), (b'%ld', 5), (b'%hd', 5), (b'%Lf', 1.0), (b'%-010d|', 5), (b'%*d', (5, 1)), (b'%*d', (-5, 1)), (b'%-*d|', (3, 1)),
 (b'%f', 3.14159), (b'%.2f', 3.14159), (b'%10.3f|', 3.14159), (b'%-10.3f|', 3.14159), (b'%010.3f', -3.14159), (b'%+f', 1.0), (b'% f', 1.0), (b'%e', 12345.678), (b'%E', 0.000123),
 (b'%g', 1e-10), (b'%G', 1e20), (b'%g', 100.0), (b'%#g', 1.0), (b'%.0f', 2.5), (b'%#.0f', 2.0), (b'%08.3e', -1.5), (b'%F', 1.5), (b'%f', float('inf')), (b'%010f', float('inf')), (b'%+f', float('nan')),
 (b'%f', -0.0), (b'%.*f', (2, 3.14159)), (b'%*.*f', (8, 2, 3.14159)), (b'%f', 5), (b'%.3g', 1234567.0), (b'%d%%', 50),
]
for fmt, args in cases:
    t(lambda: fmt % args)
t(lambda: b'%x' % 3.0)
t(lambda: b'%d' % 'a')
t(lambda: b'%d' % None)
t(lambda: b'%f' % 'a')
t(lambda: b'%e' % 10**400)
t(lambda: b'%d' % float('inf'))
t(lambda: b'%d' % ((1,),))
class Idx:
    def __index__(self): return 15
t(lambda: b'%x' % Idx())
t(lambda: b'%d' % Idx())
print(bytearray(b'%d-%s') % (1, b'z'), type(bytearray(b'') % ()).__name__)
