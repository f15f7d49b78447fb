a = b = c = 1
x, y = y, x
[a, *b] = c
(a), b.c, d[0] = 1, 2, 3
