f(a, key=lambda x: x)
sorted(x, key=len, reverse=True)
