for s in ["hello world", "HELLO WORLD", "hello-world foo_bar", "they're", "o'neil", "3rd place", "ǆemal", "ǳ",
          "ßtraße", "ﬂour", "ŉ", "a1b2c3", "ΣΑΣ", "ασ", "ǰ", "ᾳ ᾳ", "  leading", "x\u0301y", "ⓐⓑ", "𐐨𐐨 𐐨"]:
    print(repr(s), repr(s.title()), repr(s.capitalize()), s.title().istitle(), s.istitle())
