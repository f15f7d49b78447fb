def show(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", e)
l = [1, 2, 3]
show(lambda: l[3])
show(lambda: l[-4])
show(lambda: l["x"])
show(lambda: l[None])
def setitem(i, v):
    l[i] = v
show(lambda: setitem(5, 0))
show(lambda: setitem(-5, 0))
show(lambda: setitem("a", 0))
def delitem(i):
    del l[i]
show(lambda: delitem(7))
show(lambda: [].pop())
show(lambda: [1].pop(5))
show(lambda: [1].pop(-2))
show(lambda: [1].pop("a"))
show(lambda: [1].pop(1, 2))
show(lambda: l.remove(9))
show(lambda: l.index(9))
show(lambda: l.index("z"))
show(lambda: l.index(1, 1))
show(lambda: l.index(1, None))
show(lambda: l.index())
show(lambda: l.insert(1))
show(lambda: l.insert("a", 1))
show(lambda: l.append())
show(lambda: l.append(1, 2))
show(lambda: l.extend(5))
show(lambda: l.extend())
show(lambda: l + (1,))
show(lambda: l + "a")
show(lambda: l * 2.0)
show(lambda: list(1))
show(lambda: list(1, 2))
show(lambda: list(a=1))
show(lambda: hash([]))
show(lambda: [1] < ["a"])
show(lambda: l.sort(1))
show(lambda: l.sort(foo=1))
show(lambda: [1, "a"].sort())
show(lambda: [3, 1, None].sort())
show(lambda: sorted([1, 2], key=1))
def es(v):
    y = list(range(10))
    y[::2] = v
    return y
show(lambda: es([1, 2]))
show(lambda: es(5))
show(lambda: es(range(5)))
def sl(v):
    y = [1, 2]
    y[0:1] = v
    return y
show(lambda: sl(5))
show(lambda: l[::0])
show(lambda: l.clear(1))
show(lambda: l.copy(1))
show(lambda: l.count())
show(lambda: l.reverse(1))
show(lambda: l[1.0])
def iadd():
    m = [1]
    m += 5
show(iadd)
def imul():
    m = [1]
    m *= "x"
show(imul)
show(lambda: [0] * (10**100))
show(lambda: l[10**100])
for a in [None, 1.5, 2**40, 2**70, "a", True, 0]:
    show(lambda: [2, 1].sort(reverse=a))
show(lambda: sorted([2, 1], reverse=None))
