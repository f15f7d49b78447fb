class MyList(list): pass
ml = MyList()
object.__setattr__(ml, "x", 1)
print(ml.x)
for target in [1, "s", [], {}]:
    try:
        object.__setattr__(target, "x", 1)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
try:
    object.__setattr__(int, "x", 1)
except TypeError as e:
    print("TypeError:", e)
class A: pass
object.__setattr__(A(), "y", 2)
try:
    type.__setattr__(A, "z", 3)
    print(A.z)
except TypeError as e:
    print("TypeError:", e)
try:
    object.__delattr__(A(), "nope")
except AttributeError as e:
    print("AttributeError:", e)
print(object.__getattribute__(A, "__name__"), type.__getattribute__(A, "__name__"))
try:
    type.__getattribute__(1, "x")
except TypeError as e:
    print("TypeError:", e)
try:
    object.__getattribute__(A(), 5)
except TypeError as e:
    print("TypeError:", e)
