# OSError: errno-based subclasses, fields, str, args, reduce
# ENOENT EEXIST EACCES EPERM EISDIR ENOTDIR EINTR ECHILD EPIPE ESRCH ETIMEDOUT
# ECONNREFUSED ECONNRESET ECONNABORTED EAGAIN EINPROGRESS EALREADY ESHUTDOWN (Linux)
for code in [2, 17, 13, 1, 21, 20, 4, 10, 32, 3, 110, 111, 104, 103, 11, 115, 114, 108, 9999]:
    e = OSError(code, "message")
    print(code, type(e).__name__, e.errno, e.strerror, e.filename, str(e))
e = OSError(2, "No such file or directory", "a.txt")
print(repr(e), e.args, str(e), e.filename, e.filename2)
e = OSError(2, "No such file", "a", None, "b")
print(repr(e), e.args, str(e), e.filename2)
print(e.__reduce__())
print(str(OSError()), str(OSError("just text")), OSError("a", "b", "c", "d", "e", "f").args)
print(type(OSError(2)).__name__, type(FileNotFoundError(13, "x")).__name__)
b = BlockingIOError(11, "would block", 5)
print(b.characters_written, b.args, b.filename)
b.characters_written = 7
print(b.characters_written)
del b.characters_written
try:
    b.characters_written
except AttributeError as a:
    print("AttributeError:", a)
class MyOSError(OSError):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.extra = a
m = MyOSError(2, "x")
print(type(m).__name__, m.errno, m.strerror, m.extra)
print(isinstance(FileNotFoundError(), OSError), issubclass(BrokenPipeError, ConnectionError))
