x = a or b or c
y = a and b and c
z = a or b and c or d
