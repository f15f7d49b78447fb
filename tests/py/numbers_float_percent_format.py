def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0.0, -0.0, 1.5, -2.25, 1234.5678, 1e16, 1e-7, 3.14159, float('inf'), float('nan')]:
    print('%e|%E|%f|%F|%g|%G|%.3e|%.0f|%#.0f|%10.3f|%-10.2g|%+.1e|% .2f|%010.2f|%r|%s' % (v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v))
print('%d %i %x %o %X %#x %#o %5d %-5d| %05d %+d % d %c %%' % (42, -42, 255, 8, 255, 255, 8, 7, 7, 7, 7, 7, 65))
print('%d %x' % (10**30, 2**100), '%.2f' % 2**70, '%d' % 3.99, '%s %r' % (1.5, 2.5))
