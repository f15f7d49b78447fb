def show(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", repr(e), "|", e)
s = {1, 2}
show(lambda: s.remove(3))
show(lambda: s.remove((1, 2)))
show(lambda: s.remove([]))
show(lambda: s.add([]))
show(lambda: [] in s)
show(lambda: {1, 2} in s)
show(lambda: set().pop())
show(lambda: s | [1])
show(lambda: s & 1)
show(lambda: s - "a")
show(lambda: s ^ None)
show(lambda: s < [1])
show(lambda: s.union(1))
show(lambda: s.update(1))
show(lambda: s.issubset(1))
show(lambda: s.isdisjoint(1))
show(lambda: set(1))
show(lambda: set([1], [2]))
show(lambda: set(a=1))
show(lambda: frozenset(1))
show(lambda: frozenset([1], [2]))
show(lambda: frozenset(a=1))
show(lambda: set([[1]]))
show(lambda: s.add())
show(lambda: s.add(1, 2))
show(lambda: s.pop(1))
show(lambda: frozenset().add)
def ior():
    x = {1}
    x |= [2]
show(ior)
def changing():
    x = {1, 2, 3}
    for i in x:
        x.add(i + 10)
show(changing)
def changing2():
    x = {1, 2, 3}
    for i in x:
        x.discard(i)
show(changing2)
show(lambda: {1}.discard([]))
show(lambda: s.symmetric_difference(1))
show(lambda: s.difference(1))
show(lambda: s.intersection(1))
show(lambda: s.issuperset(1))
