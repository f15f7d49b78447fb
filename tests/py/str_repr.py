samples = ["", "abc", "a'b", 'a"b', "a'b\"c", "'", '"', "\\", "\n\r\t", "\x00\x01\x1f\x7f", "\x80\x9f\xa0\xad\xff",
           "é", "€", "\u2028\u2029", "\u200b\ufeff", "\ud800", "\udfff", "😀", "\U0001f9ff", "\U000e0001", "\U0010ffff",
           "\u0378", "\ue000", "日本語", "\u0300", "a\u0301", "\x1b[0m", "\u00a0", "\u3000", "'\"'"]
for s in samples:
    print(repr(s), ascii(s), len(repr(s)))
print(repr("x" * 20 + "'"), str("abc"), str("é"))
print([chr(i) for i in range(0x7f, 0xa2)])
print([chr(i) for i in range(0x2000, 0x2030)])
print(repr(''.join(chr(i) for i in range(0xfff0, 0x10000))))
