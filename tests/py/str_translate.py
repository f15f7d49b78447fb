t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()), "abcdabcd".translate(t))
print("hello".translate({ord("l"): None, ord("o"): "0"}), "hello".translate({104: "HH", 101: 69}), "abc".translate({}))
print("é€😀".translate({ord("€"): "E", ord("😀"): None}), "aaa".translate({97: "€"}), "abc".translate([None, None]))
print(sorted(str.maketrans({"a": 1, "b": "x", 99: None}).items()), str.maketrans({1: 1.5}))
class Table:
    def __getitem__(self, k):
        if k == ord("a"):
            return "A"
        raise LookupError
print("banana".translate(Table()))
for bad in [lambda: "a".translate(1), lambda: str.maketrans(1), lambda: str.maketrans("a", "bc"), lambda: str.maketrans({"ab": 1}),
            lambda: "a".translate({97: 1.5}), lambda: "a".translate({97: 0x110000}), lambda: "a".translate({97: -1}),
            lambda: str.maketrans(), lambda: str.maketrans("a", 1), lambda: str.maketrans({(1,): 2}), lambda: str.maketrans(1, "a")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
