# big sorts of partly ordered data: must be fast (natural runs, galloping)
n = 200000
asc = list(range(n))
asc.sort()
print(asc[:3], asc[-3:])
desc = list(range(n, 0, -1))
desc.sort()
print(desc[:3], desc[-3:])
two = list(range(0, n, 2)) + list(range(1, n, 2))
two.sort()
print(two == list(range(n)))
runs = []
for r in range(100):
    runs.extend(range(r, n, 100))
runs.sort()
print(runs[:5], runs[-5:], len(runs))
almost = list(range(n))
almost[1000], almost[150000] = almost[150000], almost[1000]
almost.append(-1)
almost.sort()
print(almost[:3], almost[-3:])
dup = [i % 10 for i in range(n)]
dup.sort()
print(dup[::20000])
keyed = list(range(n))
keyed.sort(key=lambda v: -v)
print(keyed[:3])
keyed.sort(reverse=True)
print(keyed[:3])
strs = ["%06d" % i for i in range(50000)]
strs.reverse()
strs.sort()
print(strs[:2], strs[-2:])
fl = [i / 7 for i in range(50000, 0, -1)]
fl.sort()
print(fl[:2])
tups = [(i % 100, -i) for i in range(50000)]
tups.sort()
print(tups[:3], tups[-2:])
