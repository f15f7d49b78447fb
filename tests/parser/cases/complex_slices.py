a[b:c, d:e:f, ...]
a[:-1]
a[lambda: 1:]
