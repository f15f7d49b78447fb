l = [1, 2, 3, 2, 1]
print(l.index(2), l.index(2, 2), l.index(1, -1), l.index(2, 0, 2), l.index(1, -100, 100))
try:
    l.index(3, 0, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    l.index(2, 4)
except ValueError as e:
    print("ValueError:", e)
print(l.count(2), l.count("2"), [[1]].count([1]), [].count(0))
m = [1, 2, 3]
m.insert(1.0 if False else 1, "i")
print(m)
class I:
    def __index__(self):
        return 1
m.insert(I(), "idx")
print(m, m.pop(I()), m[I()], m[I():])
m.extend(m)
print(m)
m.extend(iter([]))
m.extend({})
print(len(m))
n = []
for i in range(20):
    n.append(i)
    n.insert(0, -i)
print(n)
while n:
    n.pop(len(n) // 2)
print(n)
r = list(range(5))
r.remove(0); r.remove(4)
print(r)
s = [3, 1, 2]
s.sort(key=lambda v: -v)
print(s)
s.sort(key=None, reverse=False)
print(s)
print([1, 2, 3][-1:-4:-1], [1, 2, 3][3:0:-1], [][::-1])
print(list.__name__, list.append.__name__, [].append.__qualname__ if hasattr([].append, "__qualname__") else "")
