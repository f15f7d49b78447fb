def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

vals = [0j, 1j, 1+2j, -1.5-2.5j, complex(-0.0, 0.0), complex(1e20, 1), complex(1234, 5678), complex(float('nan'), float('-inf')), 1e-7j]
for z in vals:
    print(repr(z), [format(z, s) for s in ['', '10', '<20', '^20', '>20', '.2f', '.3e', 'g', 'G', '+', ' ', '.0f', 'z', ',', '_.1f', 'n', '#', '#.0f', '.3', '+.2e', '*^24.3f', ',.1f', 'E', 'F']])
for s in ['010', '=10', 'd', '%', 'x', 'c', '0<10', ',d']:
    show(lambda: format(1+2j, s))
