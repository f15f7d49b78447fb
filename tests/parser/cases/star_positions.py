a[*b]
a[*b, c]
return *a, b
for x in *a, b: pass
yield *a, b
*a, b = c
x = *a, *b
