samples = ["", "abc", "ABC", "Abc", "abc123", "123", "١٢٣", "½", "²", "Ⅻ", " ", "\t\n", "\u3000", "\u200b",
           "a b", "é", "日本", "😀", "_x", "x_1", "1x", "αβγ", "Ⅰ", "ǅ", "\x00", "\x7f", "\xa0", "\xad", "a\u0301",
           "٣", "𝟘", "①", "⁵", "𐄇", "ⅷ", "〇", "零", "\u2028", "\x1c", "\x85"]
for s in samples:
    print(repr(s), s.isalpha(), s.isalnum(), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isspace(),
          s.islower(), s.isupper(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
