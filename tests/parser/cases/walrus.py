if (n := len(a)) > 10: pass
while chunk := f.read(): pass
[y := f(x), y**2]
print(x := 1)
z = [v for x in data if (v := f(x))]
a[b := 1]
