def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

vals = [0, 1, -1, 2**30, -(2**30), 2**31, 2**62, -(2**62), 2**64, -(2**64), 10**30, -(10**30), 2**100 + 1, 2**100]
for a in vals:
    print([a < b for b in vals], [a == b for b in vals], [a >= b for b in vals])
print(sorted(vals), max(vals), min(vals))
print(1 == 1.0, 2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, 10**400 > float('inf'), -10**400 < float('-inf'), 1 < float('nan'), 1 == float('nan'), 1 != float('nan'))
show(lambda: 1 < 'a'); show(lambda: 1 == 'a'); show(lambda: [] < 1)
