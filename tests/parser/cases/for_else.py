for i, (j, k) in enumerate(z):
    pass
else:
    pass
for x in 1, 2, 3: pass
for *a, b in c: pass
