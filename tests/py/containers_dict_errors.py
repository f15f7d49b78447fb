def show(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", repr(e), "|", e)
d = {"a": 1}
show(lambda: d["b"])
show(lambda: d[(1, 2)])
show(lambda: d[()])
show(lambda: d[[1]])
show(lambda: d.pop("b"))
show(lambda: d.pop())
show(lambda: d.pop(1, 2, 3))
show(lambda: {}.popitem())
show(lambda: d.get())
show(lambda: d.get(1, 2, 3))
show(lambda: d.setdefault())
show(lambda: d.update(1))
show(lambda: d.update([1]))
show(lambda: d.update([(1, 2, 3)]))
show(lambda: d.update(["ab", "c"]))
show(lambda: d.update({}, {}))
show(lambda: dict([1, 2]))
show(lambda: dict([[1]]))
show(lambda: dict(1))
show(lambda: dict({}, {}))
show(lambda: dict(**{1: 2}))
show(lambda: dict.fromkeys())
show(lambda: dict.fromkeys(1))
show(lambda: hash({}))
show(lambda: {} < {})
show(lambda: {} | [])
show(lambda: {} | 1)
def ior():
    x = {}
    x |= 1
show(ior)
def delmissing():
    del d["zz"]
show(delmissing)
def setunhash():
    d[[]] = 1
show(setunhash)
show(lambda: d.keys() | 1)
show(lambda: d.keys()[0])
show(lambda: {1: 2}.items() < 3)
def changesize():
    x = {1: 1, 2: 2}
    for k in x:
        x[k + 10] = 0
show(changesize)
def changekeys():
    x = {1: 1, 2: 2}
    for k in x:
        del x[k]
        x[k + 10] = 0
show(changekeys)
def changevalues():
    x = {1: 1, 2: 2}
    for k in x:
        x[k] = 5
    return x
show(changevalues)
def viewchange():
    x = {1: 1}
    for k in x.values():
        x[2] = 2
show(viewchange)
def itemschange():
    x = {1: 1}
    for k in x.items():
        del x[1]
show(itemschange)
show(lambda: {1: 1}.fromkeys([1], 2, 3))
show(lambda: {}.keys(1))
show(lambda: {}.clear(1))
show(lambda: {}.pop([]))
show(lambda: {}.pop([], 1))
show(lambda: {1: 2}.pop([]))
show(lambda: {}.get([]))
show(lambda: [] in {})
show(lambda: {}.setdefault([]))
show(lambda: set().discard([]))
show(lambda: [] in set())
