def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

floats = [0.0, -0.0, 1.0, -1.5, 1234.5678, 1e16, 1e-7, float('inf'), float('nan'), 42.0]
fspecs = ['#', '#.0f', '#.0e', '#g', '#.3g', '#.0g', '#n', '+', ' ', '+.2f', ' .3e', '10', '<12', '^12', '=12', '012', '012.3f', '0<12', '=+12.3f', '\u00e9<15.2f', '*^15g', '020.10e', '-8.2f', '+#12.0f']
for v in floats:
    print(repr(v), [format(v, s) for s in fspecs])
for s in ['d', 'x', 'c', 's', 'b', 'q', ',n', '_n']:
    show(lambda: format(1.5, s))
show(lambda: (1.5).__format__(5)); show(lambda: format(1.5, '.2147483648f'))
print(f'{3.14159:.2f} {2.5:>8} {-1.25:<8}| {1e-10:g} {123456789.0:,.1f} {0.5:%}')
