tests = [
 lambda: "%*d" % (10**30, 1), lambda: "%.*f" % (10**30, 1.0), lambda: "%999999999999999999999d" % 1, lambda: "%.999999999999999999999f" % 1.0,
 lambda: "ab".expandtabs(2**31), lambda: "\t".expandtabs(2**31-1)[:3],
 lambda: "a".zfill(-10**20), lambda: "abc".ljust(-5), lambda: "x".replace("x", "yy" * 10, 2**62), lambda: "{:{}}".format("a", 10**30),
 lambda: "abc"[10**30:], lambda: "abc"[-10**30:10**30:10**20], lambda: "abc".find("a", 10**30), lambda: "abc".split(None, 10**30),
 lambda: chr(2**31), lambda: "a".encode("utf-8", "x"*1000) , lambda: str(b"abc", "x"*1000), lambda: "%c" % (2**64), lambda: "%c" % (-2**64),
 lambda: "abc".translate({97: 2**70}), lambda: "abc".count("", -10**30, 10**30), lambda: "%-*s|" % (-5, "a"), lambda: "%*s|" % (-5, "a"),
 lambda: ("%s" * 5) % ((1,) * 5), lambda: "{0:{0}}".format(5), lambda: "{0[999999999999999999999]}".format([1]),
 lambda: "{999999999999999999999}".format(1), lambda: "abc".__getitem__(slice(None, None, -(2**63))), lambda: "abc".rsplit("b", -(10**30)),
 lambda: "é".encode("utf-16", "surrogatepass").decode("utf-32", "surrogatepass"), lambda: b"\xff\xfe\x00".decode("utf-16", "strict"),
 lambda: "abc".startswith(("a",) * 10000), lambda: "%(a)s" % {"a": "x" * 10}, lambda: "%s" % (("x",),), lambda: "abc" % {"a": 1},
]
for i, t in enumerate(tests):
    try:
        r = t()
        print(i, repr(r)[:60])
    except Exception as e:
        print(i, type(e).__name__, str(e)[:100])
