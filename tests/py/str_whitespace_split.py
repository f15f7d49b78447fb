ws = [chr(i) for i in range(0x110000) if chr(i).isspace()]
print([hex(ord(w)) for w in ws])
s = "x".join(ws) + "x"
print(len(s.split()), s.split()[:3], len(("a" + "".join(ws) + "b").split()))
for w in ws:
    assert ("a" + w + "b").split() == ["a", "b"], hex(ord(w))
    assert (w + "a" + w).strip() == "a"
print("ok")
print("\u200b".isspace(), "\u200b".split(), "a\u200bb".split(), "\ufeff".strip() == "\ufeff", "\x85a\x85".strip())
