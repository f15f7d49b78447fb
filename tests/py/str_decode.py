data = [b"abc", b"\xc3\xa9", b"\xff", b"\xc3", b"a\xed\xa0\x80b", b"\xe2\x82", b"\xe2\x82x", b"\xf0\x9f\x98\x80",
        b"\xf4\x90\x80\x80", b"\xc0\x80", b"\x80abc", b"\xf0\x9f\x98", b"a\x00b", b"\xfe\xff\x00a", b"\xff\xfea\x00",
        b"\x00\xd8", b"a", b"\x00\xdc\x00\x00", b"\xff\xfe\x00\x00a\x00\x00\x00", b"\x00\x00\x11\x00", b"\\x41\\u20ac\\n",
        b"\\", b"\\xzz", b"\\N{SNOWMAN}", b"\\N{nope}", b"\\U00110000", b"\\u12", b"\\101\\7", b"caf\xe9"]
for enc in ["utf-8", "ascii", "latin-1", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
            "unicode_escape", "raw_unicode_escape"]:
    for errors in ["strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass"]:
        row = []
        for d in data:
            try:
                row.append(d.decode(enc, errors))
            except Exception as e:
                row.append(type(e).__name__ + ": " + str(e))
        print(enc, errors, row)
e = None
try:
    b"ab\xffcd".decode("utf-8")
except UnicodeDecodeError as ex:
    e = ex
print(e.encoding, e.object, e.start, e.end, e.reason)
print(b"\xed\xa0\x80".decode("utf-8", "surrogatepass") == "\ud800", "\ud800".encode("utf-8", "surrogatepass"))
print(b"a\x80\xffb".decode("ascii", "surrogateescape").encode("ascii", "surrogateescape"))
print(b"\xff\xfe".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"))
