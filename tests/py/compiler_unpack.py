# Assignment forms: tuple/list unpacking, starred targets, chained
# assignment, augmented assignment on names/attributes/subscripts/slices,
# star expressions in displays and calls, dict unpacking, f-strings,
# constant folding results, walrus, slices.

a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
h, *mid, t = range(6)
print(first, rest, init, last, h, mid, t)
[p, q] = "pq"
print(p, q)
x = y = z = []
x.append(1)
print(y, z is x)
try:
    m, n = [1, 2, 3]
except ValueError as err:
    print("ValueError:", err)
try:
    m, n, *o = [1]
except ValueError as err:
    print("ValueError:", err)

n = 5
n += 2; n -= 1; n *= 3; n //= 2; n **= 2; n %= 50; n <<= 2; n >>= 1; n |= 1; n &= 0xff; n ^= 3
print(n)
s = "a"
s += "b"
s *= 3
print(s)

class O:
    pass

o = O()
o.v = 1
o.v += 10
print(o.v)
lst = [1, 2, 3, 4]
lst[0] += 100
lst[1:3] += [9]
print(lst)
dd = {"k": [1]}
dd["k"] += [2]
print(dd)
nums = list(range(10))
print(nums[::2], nums[1:8:3], nums[-3:], nums[:-7], nums[::-1][:3])
nums[2:5] = ["x"]
print(nums)
del nums[::2]
print(nums)

print([*range(3), *"ab", 9], (*[1, 2],), {*(1, 2), 3}, {**{"a": 1}, "b": 2, **{"a": 3}})
print(*[1, 2], sep="-")

name = "World"
width = 10
val = 3.14159
print(f"Hello, {name}!", f"{val:.2f}", f"{name!r:>{width}}", f"{{literal}}", f"{1 + 1 = }")
print(f"{'nested ' + f'{name.lower()}'}", f"{val!s}", f"{name!a}", f"{3:03d}|{'x':^5}|")
print(f"multi {a}{b} {c!r}", f"""tri
{name}""")

print(-1, 2 ** 10, 2 ** 100, 1 / 2, 7 // 2, -7 % 3, "ab" * 3, (1, 2) + (3,), ~5, +3, not 1)
print(1 + 2j, (1, "a", None, True, ...), 0x1F, 0o17, 0b101, 1_000_000, 1e3, 1.5e-3, .5)
print("con" "cat", b"by" b"tes", "\x41\u00e9", r"\n", len("\0"))

if (k := len("four")) > 3:
    print("walrus", k)

def swap(seq):
    seq[0], seq[-1] = seq[-1], seq[0]
    return seq
print(swap([1, 2, 3]))

for i, (j, *ks) in enumerate([(1, 2, 3), (4,)]):
    print(i, j, ks)

t = 1,
print(t, type(t).__name__, ())
