big = "abc" * 100000
print(len(big), big.count("abc"), big.find("cab", 1000), big.rfind("abca"), big[-5:], big.upper()[:6])
needle = "x" * 50 + "y"
hay = "x" * 200000 + needle
print(hay.find(needle), hay.count("xy"), hay.rfind("x" * 51))
wide = "€" * 100000 + "😀"
print(len(wide), wide.find("😀"), wide.count("€€"), len(wide.encode()), len(wide.encode("utf-16")), wide[-2:])
parts = ["p%d" % i for i in range(50000)]
joined = ",".join(parts)
print(len(joined), joined[:20], len(joined.split(",")), joined.replace(",", ";")[:12])
print(len("\n".join(["line"] * 10000).splitlines()), ("é" * 1000).encode("latin-1")[:4], len(("😀" * 1000).encode("utf-32")))
