class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:]
        raise AttributeError("no %s here" % name)

l = Lazy()
print(l.real, l.auto_x)
try:
    l.other
except AttributeError as e:
    print("AttributeError:", e, e.name)
print(getattr(l, "missing", "default"), hasattr(l, "auto_y"), hasattr(l, "zzz"))

class Spy:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __getattribute__(self, name):
        object.__getattribute__(self, "log").append(name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        object.__getattribute__(self, "log").append("set " + name)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        object.__getattribute__(self, "log").append("del " + name)
        object.__delattr__(self, name)

s = Spy()
s.a = 1
print(s.a)
del s.a
print(object.__getattribute__(s, "log"))

class Both:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback " + name
b = Both()
print(b.boom, b.__class__.__name__)

class Fail:
    def __getattr__(self, name):
        raise KeyError(name)
try:
    Fail().x
except KeyError as e:
    print("KeyError:", e)

# __getattr__ added after class creation
class Late: pass
lt = Late()
try:
    lt.q
except AttributeError as e:
    print("AttributeError:", e)
Late.__getattr__ = lambda self, n: "late " + n
print(lt.q)
del Late.__getattr__
try:
    lt.q
except AttributeError as e:
    print("AttributeError:", e)
