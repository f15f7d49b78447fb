# sys.stdin/stdout/stderr are _io.TextIOWrapper objects over buffered FileIO, as in CPython.
import sys, io
for name in ("stdin", "stdout", "stderr"):
    s = getattr(sys, name)
    print(name, repr(s), type(s).__name__, s.mode, s.encoding, s.errors, s.line_buffering)
    print(" ", s is getattr(sys, "__%s__" % name), isinstance(s, io.TextIOBase), s.fileno(), s.readable(), s.writable())
    raw = s.buffer.raw if hasattr(s.buffer, "raw") else s.buffer
    print(" ", type(raw).__name__, raw.name, raw.closefd, raw.mode)
print(sys.stdin.read(), repr(sys.stdin.readline()))
sys.stdout.write("written\n")
sys.stdout.buffer.write(b"raw bytes\n")
sys.stdout.flush()
print("to stderr", file=sys.stderr)
sys.stderr.write("caf\xe9 \udcff\n")
print("text again", flush=True)
print(sys.stdout.newlines, sys.stdout.closed, sys.stdout.isatty())
try:
    sys.stdout.write(b"x")
except TypeError as e:
    print(e)
try:
    sys.stdin.write("x")
except io.UnsupportedOperation as e:
    print("stdin:", e)
