s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("one", "1", 0), s.replace("one", "1", -1))
print(s.replace("", "-"), s.replace("", "-", 3), "".replace("", "x"), "".replace("a", "b"), "abc".replace("", ""))
print(s.replace("o", ""), s.replace(" ", "  "), s.replace("xyz", "q"), "aaaa".replace("aa", "b"), "aaa".replace("a", "aa"))
print("abc".replace("b", "€"), "a€c".replace("€", "b"), "😀x😀".replace("😀", "y"), "a€b".replace("a", "😀"))
print("é" * 3 + "x".replace("x", "y"), ("ab" * 50).replace("ba", "X").count("X"))
for bad in [lambda: "a".replace("a"), lambda: "a".replace(1, "a"), lambda: "a".replace("a", 1), lambda: "a".replace("a", "b", "c"),
            lambda: "a".replace("a", "b", 1, 2)]:
    try:
        print(bad())
    except TypeError as e:
        print(e)
