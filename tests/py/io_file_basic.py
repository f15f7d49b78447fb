# open(): text and binary files, modes, attributes, reprs, with blocks, iteration.
import io

def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

P = "/tmp/krait_io_basic.txt"
print(open is io.open, open.__module__ if hasattr(open, "__module__") else None)
with open(P, "w") as f:
    print(repr(f), f.name, f.mode, f.encoding, f.errors, f.line_buffering, f.write_through)
    print(type(f).__name__, type(f.buffer).__name__, type(f.buffer.raw).__name__)
    print(repr(f.buffer), repr(f.buffer.raw))
    print(f.readable(), f.writable(), f.seekable(), f.closed, f.isatty())
    print(f.write("first line\n"), f.write("second\n"))
    print("third", 3, file=f)
    f.writelines(["a\n", "b\n"])
print(f.closed, repr(f), repr(f.buffer), repr(f.buffer.raw))

with open(P) as f:
    print(repr(f))
    print(f.read())
with open(P) as f:
    print(f.readline(), f.readline(3), f.readline(), f.readlines())
with open(P) as f:
    for line in f:
        print(repr(line))
with open(P, "r") as f:
    print(f.read(5), f.read(3), len(f.read()), repr(f.read()))

with open(P, "a") as f:
    print(repr(f), f.tell())
    f.write("appended\n")
with open(P, "rb") as f:
    print(repr(f), f.mode, f.name)
    data = f.read()
    print(data, type(data).__name__)
with open(P, "rb", buffering=0) as f:
    print(repr(f), f.read(4), f.readall()[:6])
with open(P, "r+") as f:
    print(repr(f), f.read(5))
    f.seek(0)
    f.write("FIRST")
    f.seek(0)
    print(f.readline())
with open(P, "w+b") as f:
    print(repr(f), f.write(b"bytes\x00\xff"), f.seek(0), f.read())
with open(P, "x" if False else "w") as f:
    pass
with open(P) as f:
    print(repr(f.read()))

t("bad mode rw", lambda: open(P, "rw"))
t("bad mode z", lambda: open(P, "z"))
t("bad mode rr", lambda: open(P, "rr"))
t("text+binary", lambda: open(P, "rbt"))
t("binary encoding", lambda: open(P, "rb", encoding="utf-8"))
t("binary errors", lambda: open(P, "rb", errors="strict"))
t("binary newline", lambda: open(P, "rb", newline=""))
t("unbuffered text", lambda: open(P, "w", buffering=0))
t("missing", lambda: open("/tmp/krait_io_no_such_dir/x"))
t("directory", lambda: open("/tmp"))
t("bad newline", lambda: open(P, newline="x"))
t("newline type", lambda: open(P, newline=3))
t("encoding type", lambda: open(P, encoding=3))
t("mode type", lambda: open(P, mode=3))
t("rot13 codec", lambda: open(P, "w", encoding="rot13"))
t("unknown codec", lambda: open(P, "w", encoding="nope"))
t("float file", lambda: open(3.5))
t("neg fd", lambda: open(-1))
t("closefd name", lambda: open(P, closefd=False))
t("exclusive exists", lambda: open(P, "x"))
try:
    open("/tmp/krait_io_no_such_dir/x")
except FileNotFoundError as e:
    print(e.errno, e.filename, e.strerror)

f = open(P, "w")
f.close()
for name in ("write", "read", "readline", "tell", "seek", "flush", "truncate", "readable", "fileno"):
    args = {"write": ("x",), "seek": (0,)}.get(name, ())
    t("closed " + name, lambda: getattr(f, name)(*args))
t("closed next", lambda: next(f))
t("closed with", lambda: f.__enter__())
print(f.close())

f = open(P, "w")
t("read on w", lambda: f.read())
t("buffer read on w", lambda: f.buffer.read())
t("raw read on w", lambda: f.buffer.raw.read())
t("write bytes", lambda: f.write(b"x"))
t("buffer write str", lambda: f.buffer.write("x"))
f.close()
f = open(P, "r")
t("write on r", lambda: f.write("x"))
t("raw write on r", lambda: f.buffer.raw.write(b"x"))
t("truncate on r", lambda: f.truncate())
f.close()

class PathLike:
    def __fspath__(self):
        return P
with open(PathLike(), "w") as f:
    f.write("via fspath")
with open(P.encode()) as f:
    print(f.name, f.read())
import _io
print(_io.DEFAULT_BUFFER_SIZE, _io.text_encoding(None), _io.text_encoding("latin-1"))
print(issubclass(_io.UnsupportedOperation, OSError), issubclass(_io.UnsupportedOperation, ValueError))
print(_io.UnsupportedOperation.__module__, _io.BlockingIOError is BlockingIOError)
print(sorted(n for n in dir(_io) if not n.startswith("__")))
with _io.open_code(P) as f:
    print(type(f).__name__, f.read())
