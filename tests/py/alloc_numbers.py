# Creating and destroying ints and floats: values at every digit boundary
# (one, two and three 30-bit digits), reuse of dead objects (a runtime may
# keep free lists), subclasses (never reused as exact objects), and
# reference counts of fresh objects.
import sys

BOUNDS = [
    -2**63, -2**63 + 1, -2**60 - 1, -2**60, -2**60 + 1, -2**30 - 1, -2**30,
    -2**30 + 1, -257, -6, -5, -1, 0, 1, 255, 256, 257, 2**30 - 1, 2**30,
    2**30 + 1, 2**60 - 1, 2**60, 2**60 + 1, 2**63 - 1, 2**63, 2**64 - 1, 2**64,
]

for v in BOUNDS:
    print(v, v + 1, v - 1, -v, v * 3, v // 7, v % 1000, abs(v), hex(v), v.bit_length())

# crossing the one/two-digit boundary in both directions by iteration
print(list(range(2**30 - 3, 2**30 + 3)))
print(list(range(-2**30 + 2, -2**30 - 3, -1)))
print(list(range(2**60 - 2, 2**60 + 2)))
print(sum(range(2**30 - 1000, 2**30 + 1000)))
print([i * i for i in range(32760, 32772)])

# many dead one-digit ints, then many new ones: values must be intact
a = [i * 7919 for i in range(100000, 101000)]
s1 = sum(a)
del a
b = [i * 7919 for i in range(100000, 101000)]
print(s1, sum(b), s1 == sum(b), b[0], b[-1])
c = [x - 1 for x in b]
del b
print(c[:3], c[-3:], len(set(c)))

# interleaved creation and destruction
acc = 0
keep = []
for i in range(5000):
    x = 1000000 + i
    y = x * 2 - i
    if i % 97 == 0:
        keep.append(y)
    acc += y - x
print(acc, keep[:5], len(keep))

# floats: many dead, many new
fs = [i / 8 for i in range(3000)]
t1 = sum(fs)
del fs
gs = [i / 8 for i in range(3000)]
print(t1, sum(gs), gs[1], gs[-1])
print([float(v) for v in (2**30, 2**53 + 1, -2**60)])
z = 0.0
for i in range(1000):
    z = z * 0.5 + i
print(z)


# subclasses: their own type, their own deallocation, __del__ runs
class MyInt(int):
    def __del__(self):
        print("del MyInt", int(self), type(self).__name__)


class MyFloat(float):
    def __del__(self):
        print("del MyFloat", float(self))


m = MyInt(2**30 + 5)
n = MyInt(12)
f = MyFloat(2.5)
print(type(m).__name__, m + 1, type(m + 1).__name__, n * 2)
del m
del n
del f
fresh = [123456 + i for i in range(3)]
print(fresh, [type(x).__name__ for x in fresh])


class Tagged(int):
    pass


tags = [Tagged(i) for i in range(2**30 - 2, 2**30 + 2)]
for t in tags:
    t.label = "t%d" % (t - 2**30)
print([(int(t), t.label) for t in tags])
del tags
print([2**30 + i for i in range(-2, 2)])

# reference counts of fresh objects
x = 1000000 + len(sys.argv)
y = float(len(sys.argv)) + 0.5
print(sys.getrefcount(x), sys.getrefcount(y))
lst = [x, x, y]
print(sys.getrefcount(x), sys.getrefcount(y))
del lst
print(sys.getrefcount(x), sys.getrefcount(y))

# identity: equal fresh ints are distinct objects unless small
p = 1000 + len(sys.argv)
q = 1000 + len(sys.argv)
print(p == q, p is q, (5 + len(sys.argv)) is (5 + len(sys.argv)))

# bool and small ints are shared, never freed
print(True + 0, (1 == 1) is True, int(True) == 1)

# errors keep CPython's messages
for bad in ("int('x1')", "int(2.0**1024)", "10 ** -1 // 0", "float('nan') // 0"):
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
