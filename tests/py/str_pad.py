for s in ["", "a", "ab", "abc", "€", "😀x"]:
    for w in [-1, 0, 1, 2, 5, 6]:
        print(repr(s.center(w)), repr(s.ljust(w)), repr(s.rjust(w)), repr(s.center(w, "*")), repr(s.ljust(w, "€")),
              repr(s.rjust(w, "😀")), repr(s.zfill(w)))
for s in ["42", "-42", "+42", "-", "+", "", "a-1", "€"]:
    print(repr(s.zfill(5)), repr(s.zfill(1)))
for bad in [lambda: "a".center(), lambda: "a".center(1, "ab"), lambda: "a".center(1, 2), lambda: "a".center("x"),
            lambda: "a".ljust(2, ""), lambda: "a".zfill("a"), lambda: "a".rjust(1.5), lambda: "a".center(1, "a", 2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print("abc".center(10, "-"), "abcd".center(9, "-"), "a".center(4), "ab".center(5))
