# Buffered layers: BufferedReader/Writer/Random/RWPair over files and Python raw classes.
import io

def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

P = "/tmp/krait_io_buffered.bin"
with open(P, "wb") as f:
    f.write(bytes(range(256)) * 40)

for bs in (1, 7, 64, 8192):
    with open(P, "rb", buffering=bs) as f:
        a = f.read(10)
        b = f.peek(3)[:3]
        c = f.read1(5)
        d = f.read(300)
        e = f.readline()
        g = f.tell()
        f.seek(-5, 2)
        h = f.read()
        f.seek(3)
        i = f.read(2)
        f.seek(2, 1)
        j = f.read(2)
        ba = bytearray(6)
        k = f.readinto(ba)
        ba1 = bytearray(3)
        m = f.readinto1(ba1)
        print(bs, a[:4], b, c, len(d), len(e), g, h, i, j, k, bytes(ba), m, f.tell())

with open(P, "wb", buffering=16) as f:
    print(type(f).__name__, repr(f), f.raw.name, f.mode)
    for i in range(10):
        f.write(b"%d," % i)
    print(f.tell())
    f.write(b"x" * 40)
    print(f.tell())
    f.seek(0)
    f.write(b"START")
    f.flush()
with open(P, "rb") as f:
    print(f.read())

with open(P, "r+b", buffering=8) as f:
    print(type(f).__name__, repr(f))
    print(f.read(3))
    f.write(b"___")
    print(f.tell(), f.read(4))
    f.seek(0)
    print(f.read())
    f.seek(2)
    f.write(b"!")
    print(f.peek(1)[:1], f.read(2), f.tell())
    print(f.truncate(6), f.tell())
    f.seek(0)
    print(f.read())

# errors
b = io.BufferedReader(io.BytesIO(b"abc"))
t("neg read", lambda: b.read(-2))
t("reader truncate", lambda: b.truncate())
t("reader write", lambda: b.write(b"x"))
print(b.read(), b.read(), b.read1(), b.peek())
raw = b.detach()
print(type(raw).__name__, raw.getvalue())
t("detached read", lambda: b.read())
t("detached repr", lambda: repr(b))
t("size zero", lambda: io.BufferedWriter(io.BytesIO(), 0))
t("not readable", lambda: io.BufferedReader(io.BufferedWriter(io.BytesIO())))
w = io.BufferedWriter(io.BytesIO())
t("writer read", lambda: w.read())
t("writer readline", lambda: w.readline())
t("writer peek", lambda: w.peek())
t("seek whence", lambda: w.seek(0, 9))
t("seek str", lambda: w.seek("a"))
w.close()
t("closed write", lambda: w.write(b"x"))
t("closed flush", lambda: w.flush())
t("closed seek", lambda: w.seek(0))
r = io.BufferedReader(io.BytesIO(b"x"))
r.close()
t("closed read", lambda: r.read())
t("closed peek", lambda: r.peek())
t("closed readline", lambda: r.readline())
t("closed read1", lambda: r.read1())
print(r.closed, r.close())

# Python raw classes
class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.calls = 0
        self.written = b""
    def readable(self):
        return True
    def writable(self):
        return True
    def readinto(self, b):
        self.calls += 1
        n = min(len(b), 5, len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n
    def write(self, b):
        self.written += bytes(b[:3])
        return min(3, len(b))

r = Raw(b"0123456789abcdefghij\nsecond line\nthird")
br = io.BufferedReader(r, 4)
print(br.read(7), br.readline(), br.read1(100), list(br), r.calls)
print(Raw(b"abcdefgh").read(), Raw(b"xyz").readall(), Raw(b"12345678").read(3))
bw = io.BufferedWriter(Raw(b""), 4)
bw.write(b"hello world")
bw.flush()
print(bw.raw.written)
pair = io.BufferedRWPair(Raw(b"pair data"), Raw(b""), 4)
print(pair.read(4), pair.peek(1)[:1], pair.read1(2), pair.readable(), pair.writable(), pair.closed)
print(pair.write(b"abcdef"), pair.flush(), pair.writer_raw if hasattr(pair, "writer_raw") else None)
pair.close()
print(pair.closed)
rawio = io.RawIOBase()
t("rawio readinto", lambda: rawio.readinto(bytearray(1)))
t("rawio write", lambda: rawio.write(b""))
t("rawio read", lambda: rawio.read(2))
t("buffered base read", lambda: io.BufferedIOBase().read())
t("buffered base readinto", lambda: io.BufferedIOBase().readinto(bytearray(1)))
t("iobase seek", lambda: io.IOBase().seek(0))
t("iobase fileno", lambda: io.IOBase().fileno())
t("iobase tell", lambda: io.IOBase().tell())
t("iobase truncate", lambda: io.IOBase().truncate())
t("text base read", lambda: io.TextIOBase().read())
print(io.TextIOBase().encoding, io.TextIOBase().newlines, io.TextIOBase().errors)
class MyIO(io.IOBase):
    def __init__(self):
        self.lines = [b"one\n", b"two\n"]
    def readline(self, size=-1):
        return self.lines.pop(0) if self.lines else b""
m = MyIO()
print(list(m), m.closed, m.readable(), m.seekable(), m.writable())
m.close()
print(m.closed)
t("closed iter", lambda: iter(m))
t("closed enter", lambda: m.__enter__())
t("check readable", lambda: MyIO()._checkReadable())
t("check closed", lambda: m._checkClosed())
