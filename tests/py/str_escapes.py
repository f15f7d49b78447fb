print("\N{LATIN SMALL LETTER A WITH ACUTE}", "\N{SNOWMAN}", "\N{GRINNING FACE}", "\N{EURO SIGN}", "\N{CJK UNIFIED IDEOGRAPH-4E00}",
      "\N{HANGUL SYLLABLE GAG}", "\N{latin small letter b}", "\N{NO-BREAK SPACE}" == "\xa0", "\N{SPACE}", "\N{EM DASH}")
print(len("\N{HANGUL SYLLABLE HIH}"), hex(ord("\N{HANGUL SYLLABLE HIH}")), hex(ord("\N{CJK COMPATIBILITY IDEOGRAPH-F900}")))
print("\x41\u20ac\U0001F600\101\7\0\n\t\\\'\"", "a\
b", r"\n\x41", "\a\b\f\v\r" == "\x07\x08\x0c\x0b\x0d")
print(b"\\N{DIGIT ONE}\\N{REGIONAL INDICATOR SYMBOL LETTER A}".decode("unicode_escape"))
print("a\u00e9".encode("unicode_escape"), "\t\r\n\\'\"\x7f\x80\U0010ffff".encode("unicode_escape"))
print("a\u00e9\u20ac\\".encode("raw_unicode_escape"), b"\\\\u20ac \\\\\\u20ac \\x".decode("raw_unicode_escape"))
print(ascii("é\N{SNOWMAN}😀"), repr("\N{ZERO WIDTH SPACE}"), "\N{DEGREE SIGN}C")
for d in [b"\\N", b"\\N{", b"\\N{}", b"\\N{SNOWMAN", b"\\x4", b"\\u123", b"\\U1234567", b"\\U12345678", b"abc\\"]:
    try:
        print(d.decode("unicode_escape"))
    except UnicodeDecodeError as e:
        print(e)
