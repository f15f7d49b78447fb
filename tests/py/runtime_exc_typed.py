# the exceptions with fields of their own
s = StopIteration()
print(s.value, StopIteration(1).value, StopIteration(1, 2).value)
print(SystemExit().code, SystemExit(3).code, SystemExit(1, 2).code)
print(str(KeyError("a")), str(KeyError()), str(KeyError("a", "b")), str(KeyError(1)))
ie = ImportError("msg", name="mod", path="/p")
print(ie.msg, ie.name, ie.path, str(ie), ie.__reduce__())
print(ImportError().msg, ImportError(1, 2).msg, str(ImportError(1, 2)))
print(ModuleNotFoundError("no").msg)
ne = NameError("x", name="x")
print(ne.name, NameError().name, UnboundLocalError("u").name)
ae = AttributeError("a", name="attr", obj=1)
print(ae.name, ae.obj, AttributeError().name, AttributeError().obj)
ae.name = "other"
print(ae.name)
se = StopIteration("v")
se.value = 9
print(se.value, se.args)
