import gc
import node
gc.disable()
a, b, c = node.Node(1), node.Node(2), node.Node(3)
a.link(b); b.link(c); c.link(a)
print(node.live(), node.is_tracked(a))
del a, b, c
print("after del:", node.live())
found = gc.collect()
print("after collect:", node.live(), found >= 3)
x = node.Node(4)
x.link(x)
del x
gc.collect()
print("self cycle freed:", node.live())
y = node.Node(5)
lst = [y]
y.link(lst)
del y, lst
gc.collect()
print("mixed cycle freed:", node.live())
