s = "The quick brown fox"
print(s.count("o"), s.count("o", 13), s.count(""), "".count(""), "aaaa".count("aa"), "€€€".count("€€"), "😀😀".count(""))
print(s.__len__(), s.__contains__("quick"), s.__getitem__(4), s.__add__("!"), s.__mul__(2)[:5], s.__rmul__(2)[-3:], s.__mod__(()))
print(s.__eq__("x"), s.__ne__("x"), s.__lt__("U"), s.__eq__(1), s.__hash__() == hash(s), s.__str__() is s, s.__repr__())
print(s.__sizeof__() > 0, "é".__sizeof__() > "e".__sizeof__(), "abc".__getnewargs__(), str.__new__(str, "n"))
print(sorted(m for m in dir(str) if not m.startswith("_")))
print(str.upper("x"), str.join(",", "ab"), str.__len__("abc"), str.count("aXbX", "X"))
try:
    str.upper(1)
except TypeError as e:
    print(e)
print("%s" % str.maketrans is not None, "abc".casefold(), "ﬃ".upper(), "ﬃ".lower(), "ﬃ".casefold(), "ﬃ".title())
print("ǈ".upper(), "ǈ".lower(), "ǈ".title(), "ǈ".swapcase(), "ǈ".istitle(), "ǈ".isupper(), "ǈ".islower())
