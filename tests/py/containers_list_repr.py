print([], [1], [1, 2], ["a", "b'", 'c"'], [None, True, 1.5, -2])
print([[1, [2, [3, [4]]]], (5,), {6}])
a = [1, 2]
a.append(a)
print(a)
b = [a, [a]]
print(b)
d = {"k": []}
d["k"].append(d)
print(d)
class R:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"R({self.n})"
print([R(1), R(2)])
x = []
x.append(x)
x.append(x)
print(x, repr(x), str(x))
