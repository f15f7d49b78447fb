def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [-0.0001, -0.04, -0.5, -1e-300, 0.0, -0.0, -1.0, -0.06]:
    print(repr(v), [format(v, s) for s in ['z.1f', 'z.0f', 'z.2e', 'z', 'z.3g', 'z%', 'z.0%', '+z.1f', ' z.1f', 'z.1', 'z>8.1f', 'z08.1f']])
show(lambda: format(-0.0, 'z')); show(lambda: format(5, 'z')); show(lambda: format(-0.0001, 'zd')); show(lambda: format('a', 'z')); show(lambda: format(complex(-0.0, -0.0), 'z')); show(lambda: format(complex(-0.001, -0.001), 'z.1f'))
