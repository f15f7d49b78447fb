print(repr(()), repr((1,)), repr((1, 2)), repr(("a", 'b"', None)))
print(((1, 2), [3, (4,)], {5: (6,)}))
print(str((1.5, -0.0, 1e100)))
class R:
    def __repr__(self):
        return "R!"
print((R(), R()))
l = [1]
t = (l,)
l.append(t)
print(t)
print(l)
print(tuple(range(3)), tuple("xyz"))
print(((),), ((), ()))
