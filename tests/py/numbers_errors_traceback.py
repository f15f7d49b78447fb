print(10 // 3, 10 % 3)
x = 7
y = 0
print(x / y)
