print -1
print[0]
exec -x
