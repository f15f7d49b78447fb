print(set(), frozenset(), {1}, {"a"}, frozenset({1, 2}))
print(repr(set()), str({1}), repr(frozenset()))
class S(set):
    pass
class F(frozenset):
    pass
print(S(), S([1, 2]), F(), F([3]))
print({(1, 2)}, {frozenset()}, {frozenset({1})}, frozenset({frozenset()}))
class Rec:
    def __init__(self):
        self.s = None
    def __repr__(self):
        return "Rec(%r)" % (self.s,)
    def __hash__(self):
        return 1
r = Rec()
st = {r}
r.s = st
print(st)
print([{1}, {2: {3}}])
