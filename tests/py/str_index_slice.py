s = "abcdefghij"
u = "aé€😀bc"
for i in [0, 1, -1, -10, 9, 5]:
    print(s[i], end=" ")
print()
for i in range(-6, 6):
    print(repr(u[i]), end=" ")
print()
for sl in [slice(None), slice(2, 5), slice(None, None, -1), slice(None, None, 2), slice(1, None, 3), slice(-3, None),
           slice(8, 2, -2), slice(100, 200), slice(-100, 100, 7), slice(5, 5), slice(None, None, -3)]:
    print(repr(s[sl]), repr(u[sl]))
for bad in [lambda: s[10], lambda: s[-11], lambda: s["x"], lambda: s[1.5], lambda: s[::0], lambda: u[6]]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
class I:
    def __index__(self): return 2
print(s[I()], s[I():I()], s[True])
print(len(s), len(u), len(""), len("😀" * 5))
print(list(iter(u)), list(reversed(u)), [c for c in "ab€"])
it = iter("abc")
print(next(it), it.__length_hint__(), list(it), type(iter("abc")).__name__, type(iter("é")).__name__)
