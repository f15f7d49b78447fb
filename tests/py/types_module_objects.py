import types
m = types.ModuleType("demo", "the doc")
print(m.__name__, m.__doc__, m.__package__, m.__loader__, m.__spec__)
print(repr(m), sorted(m.__dict__))
m.x = 1
print(m.x, "x" in dir(m))
try:
    m.missing
except AttributeError as e:
    print("AttributeError:", e)
m.__getattr__ = lambda name: "computed " + name
print(m.anything)
m.__dir__ = lambda: ["b", "a"]
print(dir(m))
m2 = types.ModuleType("m2")
print(m2.__doc__)
try:
    types.ModuleType(1)
except TypeError as e:
    print("TypeError:", e)
try:
    types.ModuleType()
except TypeError as e:
    print("TypeError:", e)
class Spec:
    name = "spec_mod"
    _initializing = True
m3 = types.ModuleType("spec_mod")
m3.__spec__ = Spec()
try:
    m3.nothing
except AttributeError as e:
    print("AttributeError:", e)
m4 = types.ModuleType("m4")
m4.__file__ = "/some/path/m4.py"
print(m4)
del m4.__name__
try:
    m4.zzz
except AttributeError as e:
    print("AttributeError:", e)
print(type(m4).__name__, isinstance(m4, types.ModuleType))
class Sub(types.ModuleType):
    pass
s = Sub("subby")
print(s.__name__, type(s).__name__)
m5 = types.ModuleType("m5")
print(m5.__annotations__)
m5.__annotations__ = {"a": int}
print(m5.__annotations__)
del m5.__annotations__
print(m5.__annotations__)
import sys
print(sys.modules[__name__].__name__, type(sys).__name__)
