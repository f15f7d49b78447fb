from vec import Vec
a, b = Vec(1, 2), Vec(y=5)
print(a, b, a + b, a * 2, 3 * a, -a, bool(Vec()), bool(a))
print(len(a), a[0], a[1], a["x"], a[-1], list(a), a == Vec(1, 2), a != b)
print(a.x, a.y, a.tag, a.norm2, a.dot(b), Vec.__doc__, Vec.dot.__doc__)
a.x = 10
a.tag = "t"
print(a, a.tag)
for op in (lambda: setattr(a, "y", 1), lambda: a[5], lambda: a["z"], lambda: a + 1, lambda: Vec("s")):
    try:
        op()
    except Exception as e:
        print(type(e).__name__, e)
print(Vec.__add__(a, b), Vec.__len__(a), Vec.__getitem__(a, 0), Vec.__neg__(a))
print(sorted(n for n in dir(Vec) if not n.startswith("_")))


class Sub(Vec):
    def __add__(self, other):
        return "Sub.add"

    def extra(self):
        return self.x * 100


s = Sub(1, 1)
print(s + a, a + s, s.extra(), isinstance(s, Vec), type(s).__mro__)
print(s * 2, repr(s))
