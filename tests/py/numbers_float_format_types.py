def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

floats = [0.0, -0.0, 1.0, -1.5, 0.1, 1234.5678, -1234.5678, 1e16, 1.5e-10, 123456789.123, 1e100, 5e-324, float('inf'), float('-inf'), float('nan'), 0.5, 2.5, 0.125, 999.9999, 1e-5, 123.0, 1e22]
fspecs = ['', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%', '.0e', '.1e', '.10e', '.0f', '.1f', '.2f', '.10f', '.0g', '.1g', '.3g', '.10g', '.17g', '.0', '.1', '.3', '.10', '.50f', '.30e', '.25g', '.2n', '.0%', '.3%']
for v in floats:
    print(repr(v), [format(v, s) for s in fspecs])
