n = 0
for i in range(100000):
    n += i
    n -= i // 2
    n %= 10**12 + 39
print(n)
fib = [0, 1]
for i in range(500):
    fib.append(fib[-1] + fib[-2])
print(fib[100], fib[500], len(str(fib[500])), fib[500] % 10**9)
f = 1
for i in range(1, 400):
    f *= i
print(len(str(f)), f % (10**9 + 7), str(f)[:30], f.bit_length())
