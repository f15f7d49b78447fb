del a[0], a.b, (c)
