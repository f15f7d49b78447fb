class Name(str):
    def shout(self):
        return self.upper() + "!"
    def __repr__(self):
        return "Name(" + str.__repr__(self) + ")"
n = Name("bob")
print(n, repr(n), n.shout(), len(n), n[0], n + "x", "x" + n, n * 2, n == "bob", n in ["bob"], hash(n) == hash("bob"))
print(type(n + "x").__name__, type(n[0]).__name__, type(n.lower()).__name__, type(str(n)).__name__, type(f"{n}").__name__)
print("%s|%r" % (n, n), "{}|{!r}".format(n, n), n.split("o"), n.join(["1", "2"]), n.encode())
class Weird(str):
    def __str__(self):
        return "weird"
w = Weird("w")
print(str(w), "%s" % w, "{}".format(w), f"{w}", w + "", print is not None)
class WithAttrs(str):
    pass
x = WithAttrs("val")
x.tag = 5
print(x, x.tag, x.__dict__, isinstance(x, str), issubclass(WithAttrs, str))
d = {n: 1}
print(d["bob"], d.get(Name("bob")), sorted([Name("b"), "a", Name("c")]))
