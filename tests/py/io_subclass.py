# Subclassing the io classes from Python: overrides honoured by the buffered and text layers.
import io

class Upper(io.BytesIO):
    def read1(self, n=-1):
        return super().read1(n).upper()
    def read(self, n=-1):
        return super().read(n).upper()

w = io.TextIOWrapper(Upper(b"hello\nworld\n"), encoding="ascii")
print(w.readline(), w.read())

class CountingRaw(io.FileIO):
    reads = 0
    def readinto(self, b):
        CountingRaw.reads += 1
        return super().readinto(b)

P = "/tmp/krait_io_subclass.txt"
with open(P, "w") as f:
    f.write("x" * 100 + "\n" + "y" * 10)
with io.BufferedReader(CountingRaw(P), 16) as b:
    print(len(b.readline()), b.read(), CountingRaw.reads > 1, repr(b)[:30])

class LoggingWriter(io.BufferedWriter):
    def write(self, b):
        print("write", bytes(b))
        return super().write(b)
    def flush(self):
        print("flush")
        return super().flush()

with io.TextIOWrapper(LoggingWriter(io.FileIO(P, "w")), encoding="utf-8", line_buffering=True) as t:
    t.write("ab")
    t.write("c\nd")
    print("closing")

class MyText(io.TextIOWrapper):
    def write(self, s):
        return super().write(s[::-1])

with MyText(open(P, "wb"), encoding="utf-8") as t:
    print("abc", file=t)
    t.write("xyz")
print(open(P).read())

class Stream(io.TextIOBase):
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def writable(self):
        return True
s = Stream()
print("a", 1, sep="-", end="!", file=s)
print(s.parts, isinstance(s, io.IOBase))

class Lines(io.StringIO):
    def readline(self, size=-1):
        line = super().readline(size)
        return line.strip().upper() + ("\n" if line else "")
print(list(Lines("a\nb\n")))

class Broken(io.RawIOBase):
    def readable(self):
        return True
    def readinto(self, b):
        return 99
try:
    io.BufferedReader(Broken()).read(4)
except OSError as e:
    print(type(e).__name__, e)

class NoneRaw(io.RawIOBase):
    def readable(self):
        return True
    def readinto(self, b):
        return None
print(io.BufferedReader(NoneRaw()).read(4), NoneRaw().read(3))

import abc
print(isinstance(io.StringIO(), io.TextIOBase), issubclass(io.FileIO, io.RawIOBase),
      issubclass(io.BufferedReader, io.BufferedIOBase), isinstance(io.BytesIO(), io.IOBase))
print(io.IOBase.__module__, type(io.IOBase).__name__, io.RawIOBase.__mro__[1:3])

class Closer(io.RawIOBase):
    def close(self):
        print("Closer.close")
        super().close()
c = Closer()
del c
print("after del")
with Closer() as c:
    print(c.closed)
print(c.closed)
