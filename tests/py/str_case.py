samples = ["", "hello world", "HELLO", "Hello World", "hELLO wORLD", "ß", "straße", "ﬁ", "ŉ", "İstanbul",
           "ΣΊΣΥΦΟΣ", "ΌΣΟΣ ΣΑΣ", "aΣ", "Σa", "AΣ.", "A.Σ", "Σ", "a'Σ", "ǅungla", "ǆ", "Ǆ", "ᾳ", "ᾼ", "ΐ",
           "123abc", "a1b2", "they're bill's friends", "😀abc", "ǰ", "ﬀ", "Ⅻ", "ⓐ", "ꭰ", "Ꭰ", "𐐨𐐀", "µ", "ÿ", "ſ"]
for s in samples:
    print(repr(s), repr(s.lower()), repr(s.upper()), repr(s.title()), repr(s.capitalize()),
          repr(s.swapcase()), repr(s.casefold()))
    print("  ", s.islower(), s.isupper(), s.istitle())
try:
    "a".lower(1)
except TypeError as e:
    print(e)
