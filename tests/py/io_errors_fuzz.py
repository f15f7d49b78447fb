# Hostile raw streams, decoders and arguments: exceptions, never crashes.
import io, _io
class Bad(io.RawIOBase):
    def readable(self): return True
    def writable(self): return True
    def seekable(self): return True
    def readinto(self, b): return "x"
    def write(self, b): return -5
    def tell(self): return -1
    def seek(self, *a): return "q"
def t(f):
    try: f()
    except BaseException as e: print(type(e).__name__, str(e)[:80])
b = io.BufferedRandom(Bad())
t(lambda: b.read(3)); t(lambda: b.write(b"abc") and b.flush()); t(lambda: b.tell()); t(lambda: b.seek(0))
class B2(io.BytesIO):
    def read1(self, n=-1): return "str"
t(lambda: io.TextIOWrapper(B2(b"abc"), encoding="utf-8").read())
class Dec:
    def decode(self, b, final=False): return b
    def getstate(self): return 5
    def reset(self): pass
d = io.IncrementalNewlineDecoder(Dec(), True)
t(lambda: d.decode(b"x")); t(lambda: d.getstate())
t(lambda: io.TextIOWrapper(io.BytesIO(b"abc"), encoding="utf-8").seek(1 << 300))
t(lambda: io.TextIOWrapper(io.BytesIO(b"abc"), encoding="utf-8").seek(12345678901234567890123))
t(lambda: io.BytesIO().seek(1 << 70))
t(lambda: io.BytesIO(b"x").read(1 << 62))
t(lambda: _io.FileIO("/tmp/krait_io_fuzz.bin", "w").read(5))
t(lambda: io.TextIOWrapper.__new__(io.TextIOWrapper).read())
t(lambda: io.BufferedReader.__new__(io.BufferedReader).read())
t(lambda: io.StringIO.__new__(io.StringIO).read())
t(lambda: repr(io.TextIOWrapper.__new__(io.TextIOWrapper)))
t(lambda: repr(io.BufferedReader.__new__(io.BufferedReader)))
t(lambda: io.FileIO.__new__(io.FileIO).read())
t(lambda: repr(io.FileIO.__new__(io.FileIO)))
t(lambda: io.BytesIO.__new__(io.BytesIO).read())
t(lambda: io.IncrementalNewlineDecoder.__new__(io.IncrementalNewlineDecoder).decode("x"))
w = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
w.__init__(io.BytesIO(b"re"), encoding="latin-1"); print(w.read())
t(lambda: io.BufferedRWPair.__new__(io.BufferedRWPair).read())
t(lambda: io.BufferedRWPair.__new__(io.BufferedRWPair).closed)
t(lambda: io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="bogus").write("é"))
t(lambda: io.TextIOWrapper(io.BytesIO("é".encode()), encoding="utf-8", errors="bogus").read())
r = io.BufferedReader(io.BytesIO(b"abc\ndef"))
for x in r: print(x)
t(lambda: open("/tmp/krait_io_fuzz.bin", "r", buffering=-5).read())
t(lambda: open("/tmp/krait_io_fuzz.bin", "rb", buffering=2**40))
t(lambda: open("/tmp/krait_io_fuzz.bin", "r", closefd=2.5))
t(lambda: open("/tmp/krait_io_fuzz.bin", "r", opener=5))
print("done")
