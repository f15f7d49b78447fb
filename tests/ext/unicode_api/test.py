import uni
for s in ["", "abc", "h\xe9llo", "\u03a9mega", "\U0001F600!"]:
    print(repr(s), uni.kinds(s))
print(uni.build())
print(uni.codecs("h\xe9\u20ac"))
try:
    uni.decode_error(b"ok\xff")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
print(uni.ops("a,b,c"))
print(uni.intern(), uni.wide("w\xeede\U0001F600"), uni.writer())
