words = ["b", "a", "ab", "", "é", "€", "😀", "aa", "B", "a\x00", "\uffff", "\U00010000", "ä", "z"]
print(sorted(words))
print([(a < b, a <= b, a == b, a != b, a > b, a >= b) for a, b in [("a", "b"), ("b", "a"), ("a", "a"), ("", "a"), ("€", "😀"), ("\uffff", "\U00010000"), ("ab", "a")]])
print(hash(""), hash("a"), hash("abc"), hash("é"), hash("€"), hash("😀"), hash("hello world"), hash("a" * 100))
print(hash("abc") == hash("ab" + "c"), {"x": 1}["x"], "é" == "e\u0301", "a" == "a"[:])
print({"apple", "banana", "cherry", "date", "elderberry", "fig", "grape"})
print(set("abcdefghijklmnop"))
print({w: len(w) for w in ["one", "two", "three", "four", "five", "six"]})
for a, b in [("a", 1), ("a", None), ("a", b"a")]:
    try:
        print(a < b)
    except TypeError as e:
        print(e)
print("a" == 1, "a" != 1, "a" == b"a")
class S(str):
    pass
print(S("x") == "x", hash(S("x")) == hash("x"), S("b") > "a", {S("k"): 1}["k"])
