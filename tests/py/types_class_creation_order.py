# Order of events when a class statement runs: __prepare__, body,
# __set_name__ (in definition order), __init_subclass__, metaclass __init__.
log = []

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        log.append(("prepare", name, sorted(kw)))
        return {}

    def __new__(mcls, name, bases, ns, **kw):
        log.append(("meta new", name, list(k for k in ns if not k.startswith("__"))))
        return super().__new__(mcls, name, bases, ns, **kw)

    def __init__(cls, name, bases, ns, **kw):
        log.append(("meta init", name))
        super().__init__(name, bases, ns)


class Named:
    def __set_name__(self, owner, name):
        log.append(("set_name", owner.__name__, name))


class Base(metaclass=Meta):
    def __init_subclass__(cls, **kw):
        log.append(("init_subclass", cls.__name__, kw))
        super().__init_subclass__()


class Child(Base, flag=1):
    log.append(("body",))
    a = Named()
    b = Named()


for entry in log:
    print(entry)
print(type(Child).__name__, Child.__mro__)
