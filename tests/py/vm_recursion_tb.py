# An uncaught RecursionError: the repeated-line summary.
def f(n):
    return f(n + 1)
f(0)
