for s in ["", "\t", "a\tb", "ab\tc\td", "abcdefgh\tx", "a\nb\tc", "a\r\tb", "\t\t", "€\tx", "😀\t\t😀"]:
    print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(0)), repr(s.expandtabs(1)), repr(s.expandtabs(-1)),
          repr(s.expandtabs(tabsize=3)))
for bad in [lambda: "a".expandtabs("a"), lambda: "a".expandtabs(1, 2), lambda: "a".expandtabs(x=1)]:
    try:
        print(bad())
    except TypeError as e:
        print(e)
