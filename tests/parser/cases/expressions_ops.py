x = a + b * c - d / e // f % g @ h ** -i
y = a << b >> c & d ^ e | f
z = not a and b or c and not d
w = -a ** b
v = (-a) ** b
u = a ** -b ** c
t = ~a + +b - -c
