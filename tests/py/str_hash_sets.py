names = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
         "é", "€uro", "😀face", "日本", "", "a", "ab", "abc"]
print(set(names))
print({n: i for i, n in enumerate(names)})
print(frozenset(["x", "y", "z", "w"]))
s = set()
for i in range(40):
    s.add("k" + str(i))
print(s)
print([hash(n) for n in names])
print(set("hello world"), set(["€", "😀", "é", "a"]))
