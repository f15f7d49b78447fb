x = - - - a
y = not not a
z = ~ ~ a
