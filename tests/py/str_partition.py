for s in ["a=b=c", "abc", "=", "", "==", "€=😀=é"]:
    print(s.partition("="), s.rpartition("="), s.partition("=="), s.rpartition("b"))
print("a€b€c".partition("€"), "abc".partition("abc"), "abc".rpartition("abcd"))
for bad in [lambda: "a".partition(""), lambda: "a".partition(1), lambda: "a".rpartition(""), lambda: "a".partition()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
