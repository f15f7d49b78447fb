# FileIO: raw file access, modes, fds, opener, closefd, readall, seek/tell/truncate.
import io

def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

P = "/tmp/krait_io_fileio.bin"
f = io.FileIO(P, "w")
print(repr(f), f.mode, f.closefd, f.name, f.readable(), f.writable(), f.seekable(), f.isatty())
print(f.write(b"0123456789"), f.tell(), f.seek(2), f.write(b"ab"), f.seek(0, 2), f.seek(-1, 2))
print(f.truncate(5), f.tell(), f.truncate(), f.fileno() > 2, f._blksize > 0)
t("read on w", lambda: f.read())
t("readinto on w", lambda: f.readinto(bytearray(2)))
f.close()
print(repr(f), f.closed, f.close())
for name in ("read", "write", "seek", "tell", "fileno", "isatty", "readable", "writable", "seekable", "truncate", "readall"):
    args = {"write": (b"x",), "seek": (0,)}.get(name, ())
    t("closed " + name, lambda: getattr(f, name)(*args))

for mode in ("r", "rb", "r+", "a", "ab+", "x", "xb+", "rw", "r+b+", "z", "b", ""):
    try:
        g = io.FileIO(P, mode)
        print(mode, g.mode, g.readable(), g.writable())
        g.close()
    except Exception as e:
        print(mode, type(e).__name__, e)

with open(P, "wb") as w:
    w.write(b"abcdefgh")
g = io.FileIO(P, "r")
print(g.read(2), g.read(), g.read(), g.readall())
g.seek(0)
print(g.readall(), g.seek(1), g.read(1), g.seek(1, 1), g.read())
ba = bytearray(3)
g.seek(0)
print(g.readinto(ba), ba, g.readinto(memoryview(bytearray(10))))
t("write on r", lambda: g.write(b"x"))
t("truncate on r", lambda: g.truncate())
t("seek float", lambda: g.seek(1.5))
t("seek negative", lambda: g.seek(-10))
t("getstate", lambda: g.__getstate__())
fd = g.fileno()
h = io.FileIO(fd, "r", closefd=False)
h.seek(0)
print(repr(h).replace(str(fd), "FD"), h.read(3), h.closefd, h.name == fd)
h.close()
print(g.closed, g.read(1))
g.close()

t("neg fd", lambda: io.FileIO(-5))
t("float", lambda: io.FileIO(1.5))
t("closefd name", lambda: io.FileIO(P, closefd=False))
t("dir", lambda: io.FileIO("/tmp"))
t("missing", lambda: io.FileIO("/tmp/krait_no_dir/x"))
t("embedded nul", lambda: io.FileIO("/tmp/a\0b"))
t("bad type", lambda: io.FileIO([]))

t("opener non-int", lambda: io.FileIO(P, "r", opener=lambda p, f: "x"))
t("opener neg", lambda: io.FileIO(P, "r", opener=lambda p, f: -1))
with open(P, "wb") as w:
    w.write(b"opened via opener")
keep = io.FileIO(P, "r")
with open(P, "rb", opener=lambda p, fl: keep.fileno()) as o:
    print(o.read())
print(keep.closed)
del keep   # its descriptor was closed by `o`: the finalizer's EBADF is silent

with io.FileIO(P, "a") as a:
    print(a.tell(), a.write(b"++"), a.tell(), a.mode)
with io.FileIO(P, "rb") as r:
    print(r.readall())
print(io.FileIO.__mro__)
