base = list(range(12))
for start in (None, -20, -5, 0, 3, 11, 20):
    for stop in (None, -20, -3, 0, 4, 12, 30):
        for step in (None, 1, 2, 5, -1, -3):
            r = base[start:stop:step]
            t = tuple(base)[start:stop:step]
            assert list(t) == r
            print(start, stop, step, r)
