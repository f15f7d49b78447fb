# _io.StringIO: newline modes, seeking, state, errors.
import io

def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

s = io.StringIO("héllo\nwörld\n€uro")
print(s.read(2), s.tell(), s.readline(), s.readline(3), s.readline(), s.readline())
s.seek(0)
print(s.readlines())
s.seek(0)
print(list(s))
print(s.getvalue(), len(s.getvalue()))
print(s.seek(0, 2), s.write("!"), s.getvalue())
print(s.seek(3), s.write("XY"), s.getvalue())
print(s.seek(30), s.write("end"), repr(s.getvalue()))
print(s.truncate(4), repr(s.getvalue()), s.tell())
t("neg seek", lambda: s.seek(-1))
t("cur seek", lambda: s.seek(1, 1))
t("end seek", lambda: s.seek(1, 2))
t("bad whence", lambda: s.seek(0, 3))
t("neg truncate", lambda: s.truncate(-2))
t("write bytes", lambda: s.write(b"x"))
t("init bytes", lambda: io.StringIO(b"x"))
t("bad newline", lambda: io.StringIO(newline="x"))
t("bad newline type", lambda: io.StringIO(newline=1))
print(s.seek(0, 1), s.seek(0, 2))

for nl in (None, "", "\n", "\r", "\r\n"):
    s = io.StringIO("a\rb\r\nc\nd", newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines(), repr(s.newlines))
    s = io.StringIO(newline=nl)
    s.write("x\ny\r\nz\r")
    s.seek(0)
    print(repr(nl), repr(s.getvalue()), repr(s.read()), repr(s.newlines), s.line_buffering)

s = io.StringIO("abc")
print(s.readable(), s.writable(), s.seekable(), s.closed, s.encoding, s.errors)
st = s.__getstate__()
print(st)
s2 = io.StringIO()
s2.__setstate__(("a\r\nb", None, 2, {"k": 1}))
print(repr(s2.getvalue()), s2.tell(), s2.k)
t("bad state", lambda: s2.__setstate__(("a",)))
s.read(1)
s.attr = 5
p = io.StringIO()
p.__setstate__(s.__getstate__())
print(p.getvalue(), p.tell(), p.attr)
s.close()
print(s.closed)
for name in ("read", "write", "getvalue", "tell", "seek", "readable", "readline", "truncate"):
    args = {"write": ("x",), "seek": (0,)}.get(name, ())
    t("closed " + name, lambda: getattr(s, name)(*args))
t("closed line_buffering", lambda: s.line_buffering)
print(s.close())

class Upper(io.StringIO):
    def write(self, text):
        return super().write(text.upper())
u = Upper()
print("hello", "there", file=u)
print(repr(u.getvalue()))
u.seek(0)
for line in u:
    print(repr(line))
with io.StringIO("ctx") as f:
    print(f.read())
t("after with", lambda: f.read())
print(isinstance(io.StringIO(), io.TextIOBase))
big = io.StringIO()
for i in range(1000):
    big.write("line %d\n" % i)
print(len(big.getvalue()), big.getvalue()[-9:])
big.seek(0)
print(sum(1 for _ in big))
