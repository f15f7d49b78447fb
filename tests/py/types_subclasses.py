import gc
class Base: pass
class A(Base): pass
class B(Base): pass
print([c.__name__ for c in Base.__subclasses__()])
del A
gc.collect()
print([c.__name__ for c in Base.__subclasses__()])
class C(B): pass
print([c.__name__ for c in B.__subclasses__()], Base.__subclasses__() == [B])
class MyInt(int): pass
print(MyInt in int.__subclasses__(), bool in int.__subclasses__(), int.__subclasses__()[0])
class D(Base, int): pass
print([c.__name__ for c in Base.__subclasses__()])
D.__bases__ = (int,)
print([c.__name__ for c in Base.__subclasses__()])
print(type.__subclasses__(type) is not None, object.__subclasses__() != [])
