class Box:
    def __class_getitem__(cls, item):
        return ("Box", cls.__name__, item)

class Sub(Box): pass

print(Box[int], Sub[str, int])
print(type(Box.__dict__["__class_getitem__"]).__name__)
try:
    int[0] if False else object[int]
except TypeError as e:
    print("TypeError:", e)
print(list[int], dict[str, int], type[int])
try:
    one = 1
    one[0]
except TypeError as e:
    print("TypeError:", e)
try:
    (1, 2)[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del "abc"[0]
except TypeError as e:
    print("TypeError:", e)
try:
    lst, none = [1], None
    lst[none]
except TypeError as e:
    print("TypeError:", e)

class G:
    def __getitem__(self, k):
        return ("item", k)
g = G()
print(g[1], g[1:2], g[1, 2], g[...])
try:
    g[1] = 2
except TypeError as e:
    print("TypeError:", e)
