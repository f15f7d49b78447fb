samples = ["abc", "é", "€", "😀", "a\x00b", "\ud800", "\udcff", "a\udc80b", "\ud83d\ude00", ""]
for enc in ["utf-8", "ascii", "latin-1", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
            "unicode_escape", "raw_unicode_escape"]:
    for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "surrogateescape",
                   "surrogatepass", "namereplace"]:
        row = []
        for s in samples:
            try:
                row.append(s.encode(enc, errors))
            except Exception as e:
                row.append(type(e).__name__ + ": " + str(e))
        print(enc, errors, row)
print("abc".encode(), "é".encode(encoding="latin1"), "é".encode("UTF8"), "é".encode("Latin-1"), "é".encode("iso-8859-1"),
      "x".encode("us-ascii"), "x".encode("U8"), "é".encode("utf_8"), "é".encode(" utf-8 ") if False else "")
for bad in [lambda: "a".encode(1), lambda: "a".encode("x"), lambda: "a".encode("utf-8", 1), lambda: "\xff".encode("ascii", "foo"),
            lambda: "a".encode("utf-8", "strict", 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print("a".encode("utf-8", "foo"))
e = None
try:
    "a\xe9\u20acz".encode("ascii")
except UnicodeEncodeError as ex:
    e = ex
print(e.encoding, repr(e.object), e.start, e.end, e.reason, str(e))
