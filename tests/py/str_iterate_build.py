parts = []
for i in range(500):
    parts.append(chr(0x41 + i % 26) if i % 7 else chr(0x3b1 + i % 20))
s = "".join(parts)
print(len(s), s[:30], s[-30:], s.count("α"), s.upper()[:10], s.lower()[-10:])
words = s.split("A")
print(len(words), words[:3])
print("|".join(reversed(words[:5])))
acc = ""
for ch in "héllo wörld 😀":
    acc = ch + acc
print(acc)
print(sorted(set("mississippi")), sorted("banana"), max("abc€"), min("😀a"))
