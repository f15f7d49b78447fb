def attempt(start, stop, step, value):
    l = list(range(8))
    try:
        l[start:stop:step] = value
        return l
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
for step in (None, 1, 2, -1, -2, 3):
    for (start, stop) in ((None, None), (1, 5), (5, 1), (-3, None), (0, 0)):
        for value in ([], ["x"], ["x", "y"], ["a", "b", "c", "d"]):
            print(start, stop, step, value, attempt(start, stop, step, value))
def dele(start, stop, step):
    l = list(range(8))
    del l[start:stop:step]
    return l
for step in (None, 1, 2, -1, -2, 3, -3, 7, -7, 100):
    for (start, stop) in ((None, None), (1, 6), (6, 1), (-3, None), (0, 0), (None, -2)):
        print("del", start, stop, step, dele(start, stop, step))
