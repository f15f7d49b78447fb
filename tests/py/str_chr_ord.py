print([ord(c) for c in "aé€😀"], chr(0), repr(chr(0x10ffff)), chr(0x263a), repr(chr(0xd800)))
for bad in [lambda: chr(-1), lambda: chr(0x110000), lambda: ord(""), lambda: ord("ab"), lambda: chr("a"), lambda: ord(1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(sum(ord(chr(i)) == i for i in range(0, 0x110000, 97)))
print("".join(chr(i) for i in range(32, 127)))
