s = "a\nb\rc\r\nd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l\n\nm\r\r\n"
print(s.splitlines())
print(s.splitlines(True))
print(s.splitlines(keepends=True))
print("".splitlines(), "\n".splitlines(), "\n".splitlines(True), "abc".splitlines(), "abc\n".splitlines())
print("\r\n\r\n".splitlines(), "x\x1f".splitlines(), "x\t".splitlines())
for i in range(0, 0x3000):
    c = chr(i)
    if len(("a" + c + "b").splitlines()) > 1:
        print(hex(i), end=" ")
print()
try:
    "a".splitlines("x")
except TypeError as e:
    print(e)
