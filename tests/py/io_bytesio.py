# _io.BytesIO: reading, writing, seeking, getbuffer export locking, pickling state.
import io

def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

b = io.BytesIO(b"hello\nworld\nlast")
print(b.read(3), b.tell(), b.read1(2), b.readline(), b.readline(2), b.readline())
print(b.readline(), b.read(), b.read(), b.tell())
b.seek(0)
print(b.readlines())
b.seek(0)
print(b.readlines(7))
b.seek(0)
print(list(b))
print(b.seek(-3, 2), b.read(), b.seek(2), b.seek(-1, 1), b.read(2))
t("neg seek", lambda: b.seek(-1))
t("bad whence", lambda: b.seek(0, 3))
t("seek float", lambda: b.seek(1.5))
print(b.seek(100), b.write(b"X"), len(b.getvalue()), b.getvalue()[-5:])
print(b.truncate(5), b.getvalue(), b.tell())
b.seek(0)
print(b.truncate(), b.getvalue())
t("neg truncate", lambda: b.truncate(-1))

b = io.BytesIO()
print(b.write(b"abc"), b.write(bytearray(b"def")), b.write(memoryview(b"ghi")))
b.writelines([b"1", b"2"])
print(b.getvalue())
t("write str", lambda: b.write("x"))
t("init str", lambda: io.BytesIO("x"))
ba = bytearray(4)
b.seek(1)
print(b.readinto(ba), ba)
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.flush(), b.closed)

# getbuffer locks resizing while a view is alive
b = io.BytesIO(b"abcdef")
v = b.getbuffer()
print(bytes(v), len(v), v[0])
v[0] = ord("Z")
print(b.getvalue())
t("write while exported", lambda: b.write(b"x"))
t("truncate while exported", lambda: b.truncate(1))
t("close while exported", lambda: b.close())
v.release()
print(b.write(b"!"), b.getvalue())
b.close()
print(b.closed)
for name in ("read", "write", "getvalue", "tell", "seek", "readable", "getbuffer", "flush", "isatty", "readline", "truncate"):
    args = {"write": (b"x",), "seek": (0,)}.get(name, ())
    t("closed " + name, lambda: getattr(b, name)(*args))
t("closed iter", lambda: next(iter(b)))

# state for pickling
b = io.BytesIO(b"state")
b.read(2)
b.foo = 1
st = b.__getstate__()
print(st)
c = io.BytesIO()
c.__setstate__((b"xyz", 1, {"bar": 2}))
print(c.read(), c.bar, c.tell())
t("bad state", lambda: c.__setstate__((b"x", 1)))
t("bad pos", lambda: c.__setstate__((b"x", "a", None)))
t("neg pos", lambda: c.__setstate__((b"x", -1, None)))
t("bad dict", lambda: c.__setstate__((b"x", 0, 5)))
d = io.BytesIO()
d.__setstate__(b.__getstate__())
print(type(d).__name__, d.tell(), d.read(), d.foo)

class Sub(io.BytesIO):
    def write(self, data):
        return super().write(data.upper())
s = Sub()
s.write(b"abc")
print(s.getvalue(), isinstance(s, io.BufferedIOBase), isinstance(s, io.IOBase))
with io.BytesIO(b"x") as f:
    print(f.read())
print(f.closed)
print(io.BytesIO(b"a\nb").read(-1), io.BytesIO(b"a\nb").read(None))
