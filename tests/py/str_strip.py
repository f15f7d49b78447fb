for s in ["", "  ", "  abc  ", "\t\n abc \x0b\x0c\r", "\u3000abc\u2003", "\x1c\x1d\x1e\x1fabc\x85", "xxabcxx", "€€a€"]:
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
    print(repr(s.strip("x€")), repr(s.lstrip("x")), repr(s.rstrip("x€")), repr(s.strip("")))
print("abcba".strip("ab"), "abcba".strip("a"), "abcba".lstrip("ba"), "abcba".rstrip("ba"), "abc".strip(None))
for bad in [lambda: "a".strip(1), lambda: "a".lstrip(1, 2), lambda: "a".rstrip([])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print("prefix_body".removeprefix("prefix_"), "body_suffix".removesuffix("_suffix"), "abc".removeprefix(""),
      "abc".removesuffix("abcd"), "€abc".removeprefix("€"))
try:
    "a".removeprefix(1)
except TypeError as e:
    print(e)
