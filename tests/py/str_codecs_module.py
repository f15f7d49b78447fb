import codecs
print(codecs.utf_8_encode("é€"), codecs.utf_8_decode(b"ab\xc3"), codecs.utf_8_decode(b"ab\xc3", "strict", True) if False else "")
print(codecs.latin_1_encode("é"), codecs.latin_1_decode(b"\xe9"), codecs.ascii_encode("abc"), codecs.ascii_decode(b"abc"))
print(codecs.utf_16_encode("a"), codecs.utf_16_decode(b"\xff\xfea\x00"), codecs.utf_16_le_encode("a"), codecs.utf_16_be_decode(b"\x00a"))
print(codecs.utf_32_encode("a"), codecs.utf_32_decode(b"\xff\xfe\x00\x00a\x00\x00\x00"), codecs.utf_16_ex_decode(b"\xfe\xff\x00a"))
print(codecs.unicode_escape_encode("é\n"), codecs.unicode_escape_decode(b"\\u20ac"), codecs.raw_unicode_escape_encode("é€"),
      codecs.raw_unicode_escape_decode(b"\\u20ac\\n"))
print(codecs.lookup("utf-8").name, codecs.lookup("UTF8").name, codecs.lookup("latin1").name, codecs.lookup("ASCII").name)
print(codecs.encode("é", "utf-8"), codecs.decode(b"\xc3\xa9", "utf-8"), codecs.encode("x", encoding="ascii"))
def handler(exc):
    return ("<%d-%d>" % (exc.start, exc.end), exc.end)
codecs.register_error("test.angle", handler)
print("a\xe9\u20acb".encode("ascii", "test.angle"), b"a\xff\xfeb".decode("ascii", "test.angle"))
print(codecs.lookup_error("strict").__name__, codecs.lookup_error("ignore")(UnicodeEncodeError("ascii", "ab", 0, 1, "x")))
print(codecs.backslashreplace_errors(UnicodeEncodeError("ascii", "\xff\u1234", 0, 2, "x")))
print(codecs.backslashreplace_errors(UnicodeDecodeError("ascii", b"\xff\xfe", 0, 2, "x")))
print(codecs.xmlcharrefreplace_errors(UnicodeEncodeError("ascii", "\xff\U0001f600", 0, 2, "x")))
print(codecs.namereplace_errors(UnicodeEncodeError("ascii", "\xe9\u20ac\ue000", 0, 3, "x")))
print(codecs.replace_errors(UnicodeDecodeError("ascii", b"\xff\xfe", 0, 2, "x")), codecs.replace_errors(UnicodeEncodeError("ascii", "\xff\xfe", 0, 2, "x")))
for bad in [lambda: codecs.strict_errors(1), lambda: codecs.ignore_errors(1), lambda: codecs.lookup_error("nope"),
            lambda: codecs.register(1), lambda: codecs.lookup("nope"), lambda: codecs.xmlcharrefreplace_errors(UnicodeDecodeError("a", b"x", 0, 1, "r"))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
def bad_handler(exc):
    return 1
codecs.register_error("test.bad", bad_handler)
try:
    "\xff".encode("ascii", "test.bad")
except TypeError as e:
    print(e)
