if a:
    pass
elif b:
    x = 1
elif c: y
else:
    z
