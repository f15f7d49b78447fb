import wi
print(list(wi.Range(4)), wi.drain(wi.Range(3)), wi.drain("ab"), sum(wi.Range(10)))
for x in wi.Range(2):
    print("loop", x)
t = wi.Target()
events = []
ref, same = wi.weak(t, lambda r: events.append("callback"))
print(same, wi.deref(ref) is t, ref() is t)
del t
print(events, ref(), wi.deref(ref))
try:
    wi.weak(1)
except TypeError as e:
    print("TypeError", e)
try:
    wi.drain(5)
except TypeError as e:
    print("TypeError", e)
