# Attribute sites that see several classes in turn (a base-class method
# running on instances of its subclasses): the loop refills its cache on
# every change of class, so each kind of attribute must still resolve
# exactly as the generic look-up does.
class Base:
    def get(self):
        return self.value
    def put(self, v):
        self.value = v
        return self.value

class PlainA(Base):
    def __init__(self):
        self.value = "A"

class PlainB(Base):
    def __init__(self):
        self.other = 0
        self.value = "B"

class Slotted(Base):
    __slots__ = ("value",)
    def __init__(self):
        self.value = "slot"

class WithProperty(Base):
    @property
    def value(self):
        return "property"
    @value.setter
    def value(self, v):
        self._v = v

class WithGetattr(Base):
    def __getattr__(self, name):
        return "getattr:" + name

class ClassAttr(Base):
    value = "class attribute"

class Unset(Base):
    pass

class DataDescr:
    def __get__(self, obj, owner):
        return "descriptor"
    def __set__(self, obj, v):
        obj.__dict__["seen"] = v

class WithDescr(Base):
    value = DataDescr()

objs = [PlainA(), PlainB(), Slotted(), WithProperty(), WithGetattr(), ClassAttr(),
        WithDescr()]
for round_ in range(3):
    print([o.get() for o in objs])
try:
    Unset().get()
except AttributeError as e:
    print("AttributeError:", e)
empty_slot = Slotted.__new__(Slotted)
try:
    empty_slot.get()
except AttributeError as e:
    print("AttributeError:", e)
for o in objs:
    try:
        print(type(o).__name__, o.put(type(o).__name__.lower()))
    except AttributeError as e:
        print(type(o).__name__, "AttributeError:", e)
print(objs[3]._v, objs[6].__dict__)
# instance attribute shadowing a class attribute, then removed
c = ClassAttr()
print(c.get())
c.value = "instance"
print(c.get())
del c.value
print(c.get())
# a class changed under a warm site
for i in range(50):
    objs[0].get()
PlainA.value = property(lambda self: "new property")
print(objs[0].get(), objs[1].get())
del PlainA.value
print(objs[0].get())
# many classes at one site (megamorphic)
classes = [type(f"K{i}", (Base,), {}) for i in range(20)]
insts = []
for i, k in enumerate(classes):
    o = k()
    o.value = i
    insts.append(o)
print(sum(o.get() for o in insts for _ in range(10)))
print([o.put(-o.get()) for o in insts][:5])
