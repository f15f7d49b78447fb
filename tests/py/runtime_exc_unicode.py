# UnicodeEncodeError / DecodeError / TranslateError: fields and messages
e = UnicodeEncodeError("ascii", "a\u1234b", 1, 2, "ordinal not in range(128)")
print(str(e), e.encoding, e.object, e.start, e.end, e.reason)
print(str(UnicodeEncodeError("ascii", "\xe9", 0, 1, "r")))
print(str(UnicodeEncodeError("ascii", "\U0001f600", 0, 1, "r")))
print(str(UnicodeEncodeError("ascii", "abcd", 1, 3, "r")))
d = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte")
print(str(d), d.object, d.start, d.end)
print(str(UnicodeDecodeError("utf-8", b"abc", 0, 2, "r")))
print(str(UnicodeDecodeError("utf-8", bytearray(b"x\x80"), 1, 2, "r")), type(UnicodeDecodeError("u", bytearray(b"x"), 0, 1, "r").object))
t = UnicodeTranslateError("\u20ac", 0, 1, "no")
print(str(t), t.encoding, t.object)
print(str(UnicodeTranslateError("abc", 0, 3, "r")))
for bad in [lambda: UnicodeDecodeError(1), lambda: UnicodeEncodeError(1, "a", 0, 1, "r"),
            lambda: UnicodeEncodeError("a", 1, 0, 1, "r"), lambda: UnicodeTranslateError(1, 0, 1, "r")]:
    try:
        bad()
    except TypeError as x:
        print("TypeError:", x)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as x:
    print(x, x.start, x.end, x.reason)
e.start = 5
print(e.start)
print(repr(UnicodeEncodeError("ascii", "x", 0, 1, "r")))
