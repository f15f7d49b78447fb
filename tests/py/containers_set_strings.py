# set order of strings depends on the str hash; PYTHONHASHSEED=0 fixes it
print(set("abcdefghij"))
print({"alpha", "beta", "gamma", "delta", "epsilon"})
print(set(["x" * i for i in range(1, 12)]))
print(frozenset({"spam", "eggs"}), {"é", "ü", "ß", "€", "日本"})
words = "it was the best of times it was the worst of times".split()
print(set(words), len(set(words)))
print({w: 1 for w in words}.keys() & {"best", "worst", "zzz"})
print(hash("abc"), hash(""), hash("a"))
