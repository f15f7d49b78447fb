y = exec [1]
f(**a, *b)
