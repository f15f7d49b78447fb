_state = [12345]
def rnd():
    _state[0] = (_state[0] * 1103515245 + 12345) % 2147483648
    return _state[0]
def randint(a, b):
    return a + rnd() % (b - a + 1)
def choice(s):
    return s[rnd() % len(s)]
def random01():
    return rnd() / 2147483648
print(sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True), sorted("hello"))
print(sorted([]), sorted([1]), sorted([2, 1]))
l = [5, 3, 8, 1]
print(l.sort(), l)
l.sort(reverse=True); print(l)
print(sorted(["bb", "a", "ccc"], key=len), sorted(["bb", "a", "ccc"], key=len, reverse=True))
# stability
pairs = [(i % 3, i) for i in range(20)]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
words = ["b", "A", "a", "B", "c", "C"]
print(sorted(words, key=str.lower), sorted(words, key=str.lower, reverse=True))
# floats, mixed int/float, negatives, bools
print(sorted([3.5, -1.0, 2, 0, -7, 1e10, -0.5]))
print(sorted([True, False, 2, -1]))
print(sorted([-2**70, 2**65, 3, -5, 0]))
print(sorted(["é", "z", "a", "ÿ", "€", "𝄞", "b"]))
print(sorted([(1, "b"), (1, "a"), (0, "z")]))
print(sorted([[2], [1, 2], [1]]))
# big random
data = [randint(0, 1000) for _ in range(3000)]
s = sorted(data)
print(all(s[i] <= s[i + 1] for i in range(len(s) - 1)), s[:5], s[-5:], len(s))
# partly ordered data: runs, reversed runs, sawtooth
asc = list(range(5000)) + list(range(2500))
print(sorted(asc) == sorted(asc, key=lambda v: v), sorted(asc)[2498:2503])
desc = list(range(3000, 0, -1))
print(sorted(desc)[:5], sorted(desc, reverse=True)[:5])
saw = [i % 100 for i in range(4000)]
ss = sorted(saw)
print(ss[::400], ss.count(0))
nearly = list(range(2000))
for i in range(0, 2000, 97):
    nearly[i], nearly[-i - 1] = nearly[-i - 1], nearly[i]
print(sorted(nearly) == list(range(2000)))
# stability on big data with key
recs = [(randint(0, 10), i) for i in range(2000)]
byk = sorted(recs, key=lambda r: r[0])
print(all(byk[i][0] < byk[i + 1][0] or (byk[i][0] == byk[i + 1][0] and byk[i][1] < byk[i + 1][1]) for i in range(len(byk) - 1)))
byr = sorted(recs, key=lambda r: r[0], reverse=True)
print(all(byr[i][0] > byr[i + 1][0] or (byr[i][0] == byr[i + 1][0] and byr[i][1] < byr[i + 1][1]) for i in range(len(byr) - 1)))
# strings big
strs = ["".join(choice("abcde") for _ in range(randint(0, 6))) for _ in range(1500)]
sstrs = sorted(strs)
print(sstrs[:3], sstrs[-3:], all(sstrs[i] <= sstrs[i + 1] for i in range(len(sstrs) - 1)))
floats = [random01() for _ in range(1000)]
print(sorted(floats) == sorted(floats, key=float))
# custom __lt__
class C:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return "C%d" % self.v
print(sorted([C(3), C(1), C(2)]))
# list modified during sort
m = [3, 2, 1]
def bad(x):
    m.append(x)
    return x
try:
    m.sort(key=bad)
except ValueError as e:
    print("ValueError:", e)
print(m)
n = list(range(10))
def clear_key(x):
    n.clear()
    return x
try:
    n.sort(key=clear_key)
except ValueError as e:
    print("ValueError:", e)
print(n)
# comparison error leaves a permutation
k = [5, 4, 3, "x", 2, 1]
try:
    k.sort()
except TypeError as e:
    print("TypeError:", e)
print(sorted(k, key=str))
# key errors propagate
try:
    sorted([1, 2, 3], key=lambda v: 1 / (v - 2))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(sorted({3: 1, 1: 2}), sorted((3, 1)), sorted(range(5, 0, -1)))
print(sorted([1, 2], key=None), sorted([2, 1], reverse=0))
