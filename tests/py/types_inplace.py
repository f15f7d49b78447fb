class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, o):
        self.items.append(o)
        return self
    def __add__(self, o):
        return "plain add"
    def __imul__(self, o):
        return NotImplemented
    def __mul__(self, o):
        return "fallback mul"
    def __ipow__(self, o):
        return ("ipow", o)
    def __ior__(self, o):
        return ("ior", o)

a = Acc()
b = a
a += 1
a += 2
print(a is b, a.items)
a *= 3
print(a)
c = Acc()
c **= 2
print(c)
c = Acc()
c |= 5
print(c)

class Plain:
    def __add__(self, o): return "plain add"
p = Plain()
p += 1
print(p)

l = [1]
l2 = l
l += [2]
l *= 2
print(l, l is l2)
t = (1,)
t += (2,)
t *= 2
print(t)
s = "a"
s += "b"
s *= 2
print(s)
x = 5
for op in ["+=", "-=", "*=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^="]:
    y = x
    exec("y %s 3" % op)
    print(op, y)
try:
    z = object()
    z += 1
except TypeError as e:
    print("TypeError:", e)
try:
    z = []
    z *= 1.5
except TypeError as e:
    print("TypeError:", e)
