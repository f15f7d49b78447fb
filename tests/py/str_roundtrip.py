texts = ["", "plain ascii", "Grüße", "€100", "日本語テキスト", "emoji 😀🎉", "mixed é€😀 text", "\x00\x01\x7f", "\ud7ff\ue000\uffff", "\U0010ffff"]
for t in texts:
    for enc in ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "unicode_escape", "raw_unicode_escape"]:
        b = t.encode(enc)
        assert b.decode(enc) == t, (t, enc)
    print(repr(t), len(t.encode()), len(t.encode("utf-16")), t.encode("utf-8").hex()[:24])
print(bytes(range(256)).decode("latin-1").encode("latin-1") == bytes(range(256)))
print(all(chr(i).encode("utf-8").decode("utf-8") == chr(i) for i in range(0, 0x110000, 13) if not 0xd800 <= i < 0xe000))
print(bytes(range(128, 256)).decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape") == bytes(range(128, 256)))
