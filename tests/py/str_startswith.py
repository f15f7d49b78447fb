s = "hello world"
print(s.startswith("hello"), s.startswith("world"), s.endswith("world"), s.endswith("hello"), s.startswith(""), s.endswith(""))
print(s.startswith("world", 6), s.startswith("wor", 6, 8), s.startswith("wor", 6, 9), s.endswith("hello", 0, 5), s.endswith("lo", None, 5))
print(s.startswith(("x", "he")), s.endswith(("x", "y")), s.startswith(()), s.startswith("", 11), s.startswith("", 12), s.endswith("", 12))
print(s.startswith("h", -11), s.startswith("d", -1), s.endswith("o", -100, -6), "é€".startswith("é"), "é€".endswith("€"), "😀".startswith("😀"))
print("abc".startswith("abcd"), "".startswith(""), "".endswith("a"), "a".startswith("a", 1), "a".endswith("", 1))
for bad in [lambda: s.startswith(1), lambda: s.startswith((1,)), lambda: s.endswith(1), lambda: s.endswith(["a"]),
            lambda: s.startswith(), lambda: s.startswith("a", "b"), lambda: s.endswith(("a", None))]:
    try:
        print(bad())
    except TypeError as e:
        print(e)
