ﬁle = 1
print(file)
ℌ = 2
print(H)
café = 4
print(café)
café = 9
def ｆｕｎｃ(): return "fullwidth"
print(func())
Ω = 5
print(Ω, Ω)
ǅ = 6
ｘ𝐲 = 7
print(sorted(k for k in dir() if not k.startswith("__")))
# every non-ASCII identifier character, normalised by the compiler
chars = [chr(i) for i in range(0x80, 0x110000) if ("a" + chr(i)).isidentifier()]
src = "".join("a%s = %d\n" % (c, i) for i, c in enumerate(chars))
ns = {}
exec(src, ns)
keys = sorted(k for k in ns if k != "__builtins__")
h = 0
for k in keys:
    for ch in k:
        h = (h * 1000003 + ord(ch)) % (1 << 61)
print(len(chars), len(keys), h)
print([k for k in keys if len(k) > 3][:20])
