d = {"name": "x", "n": 3, "f": 2.5, "nested": {"a": 1}}
print("%(name)s has %(n)d items costing %(f).2f" % d)
print("%(name)r %(n)05d %(n)x %(nested)s %(missing)s" % dict(d, missing="m"))
print("%(a)s%%%(b)s" % {"a": 1, "b": 2}, "%(a)s %(a)s" % {"a": "twice"}, "%s" % d["nested"])
class M:
    def __getitem__(self, k):
        return k.upper()
    def keys(self):
        return []
print("%(abc)s %(x y)s" % M())
for fmt, args in [("%(a)s", {"b": 1}), ("%(a)d", {"a": "x"}), ("%(a)s %s", {"a": 1}), ("%(a)*d", {"a": 1})]:
    try:
        print(fmt % args)
    except Exception as e:
        print(type(e).__name__, e)
print("%s %s" % ("a", "b"), "%s" % "only", "%s" % ["l"], "%r" % ("t",), "%s" % ((),), "%d%%" % 50)
