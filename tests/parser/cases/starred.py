a, *b = c
print(*a, *b, **c, **d)
x = [*a, *b]
y = {**a, 'b': 1, **c}
z = *a, b
for x in *a, *b: pass
return_ = (*a,)
s = {*a, *b}
q[*a]
q[1:2, *a]
