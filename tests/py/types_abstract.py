def abstract(f):
    f.__isabstractmethod__ = True
    return f

class AbstractMeta(type):
    # A small ABCMeta: collect abstract names into __abstractmethods__.
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        names = {k for k, v in ns.items() if getattr(v, "__isabstractmethod__", False)}
        for b in bases:
            for k in getattr(b, "__abstractmethods__", ()):
                if getattr(getattr(cls, k, None), "__isabstractmethod__", False):
                    names.add(k)
        cls.__abstractmethods__ = frozenset(names)
        return cls

class Shape(metaclass=AbstractMeta):
    @abstract
    def area(self): pass
    @abstract
    def name(self): pass
    @property
    @abstract
    def sides(self): pass

class Half(Shape):
    def area(self): return 1

class Square(Half):
    def name(self): return "square"
    sides = 4

for cls in (Shape, Half, Square):
    try:
        obj = cls()
        print("made", cls.__name__, obj.area(), obj.name(), obj.sides)
    except TypeError as e:
        print("TypeError:", e)
print(sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__), Square.__abstractmethods__)

class Plain: pass
try:
    Plain.__abstractmethods__
except AttributeError as e:
    print("AttributeError:", e)
try:
    type.__abstractmethods__
except AttributeError as e:
    print("AttributeError:", e)
Plain.__abstractmethods__ = {"x"}
try:
    Plain()
except TypeError as e:
    print("TypeError:", e)
Plain.__abstractmethods__ = ()
print(type(Plain()).__name__)
Plain.__abstractmethods__ = ["b", "a"]
try:
    Plain()
except TypeError as e:
    print("TypeError:", e)
del Plain.__abstractmethods__
print(type(Plain()).__name__)
print(property(abstract(lambda s: 0)).__isabstractmethod__, staticmethod(abstract(lambda: 0)).__isabstractmethod__)
