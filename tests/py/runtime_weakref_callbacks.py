# callback order and errors in callbacks (reported as unraisable)
from _weakref import ref

class Node:
    pass

n = Node()
order = []
refs = [ref(n, lambda r, i=i: order.append(i)) for i in range(4)]
del n
print(order)

class Bad:
    def __call__(self, r):
        raise ValueError("callback failed")
    def __repr__(self):
        return "<Bad callback>"
bad = Bad()

m = Node()
keep = ref(m, bad)
del m
print("after failing callback")

# a callback sees the reference dead
o = Node()
seen = []
r = ref(o, lambda w: seen.append(w()))
del o
print(seen)
