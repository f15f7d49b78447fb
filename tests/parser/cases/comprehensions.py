a = [x for x in y]
b = {x for x in y if x if not x}
c = {k: v for k, v in d.items() for z in k}
d = (x async for x in y)
e = sum(x for x in y)
f = [[x for x in y] for y in z]
