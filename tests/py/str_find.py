# find / rfind / index / rindex / count with start/end and all kinds
s = "abracadabra"
for sub in ["a", "abra", "bra", "", "z", "cad", "abracadabra", "abracadabrax"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub))
for start, end in [(0, None), (1, None), (-3, None), (2, 5), (5, 2), (100, None), (None, -1), (-100, 100)]:
    print(start, end, s.find("a", start, end), s.rfind("a", start, end), s.count("a", start, end),
          s.find("", start, end), s.rfind("", start, end), s.count("", start, end))
u = "αβγαβγ€😀αβ"
print(u.find("β"), u.rfind("β"), u.find("😀"), u.count("αβ"), u.find("x"), u.find("€😀"))
print(u.index("γ"), u.rindex("γ"))
w = "ab" * 1000 + "abc" + "ab" * 1000
print(w.find("abc"), w.rfind("ba"), w.count("ab"), w.find("abcab"), w.find("ababababababababc"))
w2 = "€" * 500 + "x€y" + "€" * 500
print(w2.find("x€y"), w2.rfind("€€"), w2.count("€€"), w2.find("€x"))
w4 = "😀" * 300 + "ab😀" + "😀" * 3
print(w4.find("ab😀"), w4.rfind("😀😀"), w4.count("😀"))
for bad in [lambda: s.index("z"), lambda: s.rindex("z"), lambda: s.find(1), lambda: s.find(),
            lambda: s.find("a", "x"), lambda: s.count("a", 1, 2, 3), lambda: s.index("a", 5, 6)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print("a" in s, "cad" in s, "" in s, "x" in s, "😀" in u, "β" in "abc")
try:
    1 in s
except TypeError as e:
    print(e)
class Idx:
    def __index__(self): return 3
print(s.find("a", Idx()), s.find("a", None, None), s.find("a", True))
