class AlwaysEq:
    def __eq__(self, other):
        return True
    def __hash__(self):
        return 0
ae = AlwaysEq()
print(ae in [1, 2], ae in (1,), 1 in [ae], [].count(ae), [1, 2, 3].count(ae), [5, 6].index(ae))
class NeverEq:
    def __eq__(self, other):
        return False
    __hash__ = object.__hash__
ne = NeverEq()
print(ne in [ne], ne in (ne,), [ne].count(ne), [ne].index(ne), ne in {ne}, ne in {ne: 1})
print(0 in {0.0}, 1 in {True: 1}, "a" in "abc", "ab" in ["abc"], None in [None], [] in [[]], () in {(): 1})
print(1 in range(3), 1.0 in range(3), "1" in range(3), 10**30 in range(10**31), -1 in range(0, -5, -1))
print(3 in iter([1, 2, 3]), 4 in iter([1, 2, 3]))
class OnlyIter:
    def __iter__(self):
        return iter([1, 2])
print(2 in OnlyIter(), 3 in OnlyIter())
class OnlyGetitem:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i
print(2 in OnlyGetitem(), 5 in OnlyGetitem())
