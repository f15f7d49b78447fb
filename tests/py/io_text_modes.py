# TextIOWrapper: newline translation modes, encodings, errors=, BOMs, tell/seek cookies.
import io

def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

P = "/tmp/krait_io_text_modes.txt"
raw = b"a\rb\r\nc\nd\r\n\re"
for nl in (None, "", "\n", "\r", "\r\n"):
    with open(P, "wb") as f:
        f.write(raw)
    with open(P, newline=nl) as f:
        lines = f.readlines()
        print(repr(nl), lines, repr(f.newlines))
    with open(P, newline=nl) as f:
        print(repr(nl), repr(f.read()))
    with open(P, "w", newline=nl) as f:
        f.write("x\ny\r\nz\r")
    with open(P, "rb") as f:
        print(repr(nl), f.read())

# encodings
for enc in ("utf-8", "latin-1", "ascii", "utf-16", "utf-16-le", "utf-32", "utf-8-sig", "cp1252"):
    text = "plain ascii\n" if enc == "ascii" else "caf\xe9 \u20ac\n" if enc in ("cp1252",) else "caf\xe9\n" if enc == "latin-1" else "caf\xe9 \u20ac \U0001f600\n"
    with open(P, "w", encoding=enc) as f:
        f.write(text)
        f.write(text)
    with open(P, "rb") as f:
        data = f.read()
    with open(P, encoding=enc) as f:
        back = f.read()
    print(enc, data[:12], len(data), back == text * 2)

# appending to a utf-16 file must not write a second BOM
with open(P, "w", encoding="utf-16") as f:
    f.write("one")
with open(P, "a", encoding="utf-16") as f:
    f.write("two")
with open(P, "rb") as f:
    print(f.read())
with open(P, encoding="utf-16") as f:
    print(f.read())

# errors=
with open(P, "wb") as f:
    f.write(b"ok \xff\xfe bad\n")
t("strict", lambda: open(P, encoding="utf-8").read())
for err in ("replace", "ignore", "surrogateescape", "backslashreplace"):
    with open(P, encoding="utf-8", errors=err) as f:
        print(err, repr(f.read()), f.errors)
t("encode strict", lambda: open(P, "w", encoding="ascii").write("\xe9"))
for err in ("replace", "ignore", "xmlcharrefreplace", "backslashreplace"):
    with open(P, "w", encoding="ascii", errors=err) as f:
        f.write("caf\xe9 \u20ac")
    with open(P, "rb") as f:
        print(err, f.read())

# tell/seek round trips
text = "line one\nligne deux \xe9\xe8\n\u4e09\u884c\u76ee\nlast \U0001f600 line\n" * 3
for enc in ("utf-8", "utf-16", "latin-1" if False else "utf-8-sig", "utf-32"):
    with open(P, "w", encoding=enc) as f:
        f.write(text)
    with open(P, encoding=enc) as f:
        cookies = []
        while True:
            c = f.tell()
            line = f.readline()
            if not line:
                break
            cookies.append((c, line))
        ok = True
        for c, line in reversed(cookies):
            f.seek(c)
            if f.readline() != line:
                ok = False
        print(enc, len(cookies), ok, [c for c, _ in cookies][:5])
    with open(P, encoding=enc) as f:
        f.read(3)
        c = f.tell()
        a = f.read(7)
        f.seek(c)
        print(enc, "mid", c, a == f.read(7))
with open(P, "w") as f:
    f.write("abc\ndef\n")
    print(f.tell())
with open(P) as f:
    for line in f:
        t("tell in iteration", lambda: f.tell())
        break
    t("seek cur nonzero", lambda: f.seek(1, 1))
    t("seek end nonzero", lambda: f.seek(-1, 2))
    t("seek whence", lambda: f.seek(0, 5))
    t("seek negative", lambda: f.seek(-3))
    print(f.seek(0, 2), f.read(), f.seek(0), f.read(2), f.seek(0, 1), f.read())
with open(P, "r+") as f:
    f.read(2)
    f.write("XY")
    f.seek(0)
    print(repr(f.read()))
    print(f.truncate(3), f.seek(0), repr(f.read()))
