tests = ["", " ", "a", " a ", "a b  c", "  a\tb\nc\x0bd\x0ce\x1cf\x1dg\x1eh\x1fi\x85j\u2000k\u3000l  ",
         "a,b,,c,", ",", "a,b,c", "€,😀,é"]
for t in tests:
    print(repr(t), t.split(), t.rsplit(), t.split(","), t.rsplit(","))
    for n in [-1, 0, 1, 2]:
        print("  ", n, t.split(None, n), t.rsplit(None, n), t.split(",", n), t.rsplit(",", n))
print("a--b--c".split("--"), "a--b--c".rsplit("--", 1), "aaa".split("aa"), "aaa".rsplit("aa"))
print("a b c".split(maxsplit=1), "a b c".rsplit(maxsplit=1), "a,b".split(sep=","))
for bad in [lambda: "a".split(""), lambda: "a".split(1), lambda: "a".split(x=1), lambda: "a".split(None, "x"),
            lambda: "a".rsplit(""), lambda: "a".split(None, 1, 2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print("x€y€z".split("€"), "😀a😀b".split("😀"), "a€b".split("b"))
