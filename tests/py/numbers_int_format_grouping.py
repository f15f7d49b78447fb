def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

ints = [0, 5, -5, 999, 1000, -1000, 1234567, -1234567, 10**20, 2**64]
specs = [',', '_', '_x', '_b', '_o', '_X', '#_x', '#_b', ',d', '010,', '015,d', '+015,', '09_x', '011_x', '012_b', '#012_x', '07,', '08,', '09,', '0=10,', 'x=10,', '20,', '<20,', '^20_', '+,', ' ,']
for v in ints:
    print(v, [format(v, s) for s in specs])
for v in [1234.5, -1234.5, 1e20, 0.001, 1234567.891]:
    print(v, [format(v, s) for s in [',', '_', ',.2f', '_.3f', ',g', ',e', '015,.2f', '010,.1f', '012,.2e', ',.0%', '20,.3f', 'z010,.1f']])
print(format(float('inf'), '010,'), format(float('nan'), '=+10,'), format(-float('inf'), '010'))
