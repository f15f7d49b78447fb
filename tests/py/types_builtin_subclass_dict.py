# Subclasses of builtin types get a __dict__ placed after their (possibly
# variable-size) C part.
class I(int): pass
class T(tuple): pass
class B(bytes): pass
class S(str): pass
class F(float): pass
class L(list): pass
class D(dict): pass
objs = []
for cls, v in [(I, 10**30), (I, -5), (I, 0), (T, (1,2,3)), (B, b"abc"), (S, "xyz"), (F, 1.5), (L, [1]), (D, {1: 2})]:
    o = cls(v)
    o.attr = [cls.__name__]
    objs.append(o)
    print(type(o).__name__, o, o.attr, o + o if cls not in (D,) else len(o))
del objs
t = T((1, 2))
t.x = 1
t2 = T(range(50))
t2.y = [t]
print(len(t2), t2.y[0].x, vars(t2))
big = I(2 ** 200)
big.z = "z"
print(big.z, big.bit_length(), I.__dictoffset__ != 0)
