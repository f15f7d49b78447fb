# SyntaxError and friends: fields and str()
s = SyntaxError("invalid syntax", ("dir/file.py", 3, 5, "x = = 1\n", 3, 7))
print(s.msg, s.filename, s.lineno, s.offset, repr(s.text), s.end_lineno, s.end_offset)
print(str(s))
print(str(SyntaxError("m", ("f.py", None, None, None))))
print(str(SyntaxError("m", (None, 4, None, None))))
print(str(SyntaxError("only message")), str(SyntaxError()), SyntaxError().msg)
print(str(IndentationError("bad indent", ("/a/b/c.py", 2, 1, "  x", 2, 2))))
print(TabError("t").msg, issubclass(TabError, IndentationError))
for bad in [("m", (1, 2, 3)), ("m", (1, 2, 3, 4, 5, 6, 7)), ("m", 5)]:
    try:
        SyntaxError(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    compile("x = (1,", "<test>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.filename)
print(SyntaxError("m", ("f", 1, 2, "t")).print_file_and_line)
