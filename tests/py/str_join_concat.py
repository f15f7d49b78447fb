print(",".join([]), ",".join(["a"]), ",".join(["a", "b", "c"]), "".join(["x", "€", "😀"]), "€".join("abc"))
print("-".join(("a", "b")), "-".join(iter(["p", "q"])), ", ".join(map(str, range(5))), "".join({"k": 1}))
class S(str):
    pass
r = "".join([S("sub")])
print(type(r).__name__, r)
r2 = "".join(["only"])
print(r2)
for bad in [lambda: ",".join([1]), lambda: ",".join(1), lambda: ",".join(["a", 2]), lambda: ",".join(["a", None])]:
    try:
        print(bad())
    except TypeError as e:
        print(e)
s = ""
for i in range(2000):
    s += "x"
print(len(s))
t = ""
for i in range(300):
    t += "é€😀"[i % 3]
print(len(t), t[:6], t[-3:])
print("a" + "b", "€" + "a", "a" + "😀", "" + "", "abc" * 3, "€" * 2, 3 * "ab", "x" * 0, "x" * -5, "ab" * 1)
for bad in [lambda: "a" + 1, lambda: 1 + "a", lambda: "a" * "a", lambda: "a" * 1.5, lambda: "a" - "b"]:
    try:
        print(bad())
    except TypeError as e:
        print(e)
try:
    "ab" * (2 ** 62)
except (OverflowError, MemoryError) as e:
    print(type(e).__name__)
