print(int.__add__(1, 2), int.__radd__(1, 2), int.__sub__(5, 3), int.__rsub__(5, 3))
print(list.__len__([1, 2, 3]), list.__getitem__([1, 2, 3], -1), str.__mul__("ab", 2), str.__rmul__("ab", 3))
print(int.__lt__(1, 2), int.__eq__(1, 1.0), int.__eq__(1, "x"), float.__eq__(1.0, 1))
print(int.__bool__(0), int.__hash__(7), int.__neg__(3), int.__pow__(2, 10), int.__pow__(2, 10, 7))
print((1).__add__(2), (1).__add__.__self__, (1).__add__.__name__, (1).__add__.__objclass__)
print(int.__add__.__name__, int.__add__.__qualname__, int.__add__.__objclass__, int.__add__.__doc__)
print(int.__add__.__text_signature__, object.__init__.__text_signature__)
print(list.__setitem__.__doc__, list.__contains__([1, 2], 2))
l = [1, 2, 3]
list.__setitem__(l, 0, 9)
list.__delitem__(l, 1)
print(l)
print(object.__repr__(1)[:17], object.__str__(2), object.__eq__(1, 1), object.__hash__(1) == object.__hash__(1))
try:
    int.__add__("a", 1)
except TypeError as e:
    print("TypeError:", e)
try:
    int.__add__()
except TypeError as e:
    print("TypeError:", e)
try:
    int.__add__(1)
except TypeError as e:
    print("TypeError:", e)
try:
    int.__add__(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    int.__add__(1, y=2)
except TypeError as e:
    print("TypeError:", e)
print(int.__add__(1, 2.5), type(int.__dict__["__add__"]).__name__, type((1).__add__).__name__)
print((1).__add__ == (1).__add__, (1).__add__ == (2).__add__)
print(int.__new__(int, 5), int.__new__(bool, 1) if False else "skip", object.__new__(object).__class__)
try:
    int.__new__(str)
except TypeError as e:
    print("TypeError:", e)
try:
    int.__new__(1)
except TypeError as e:
    print("TypeError:", e)
class MyInt(int): pass
print(int.__new__(MyInt, 7), type(int.__new__(MyInt, 7)).__name__)
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError:", e)
print(type.__call__(int, "12"), type.__call__.__doc__)
print(len.__module__, len.__name__, len.__qualname__, [].append.__self__)
print(iter([1]).__next__(), next.__name__)
