import cont
print(cont.tuples())
print(cont.lists())
print(cont.dicts())
print(cont.sets([3, 1, 2]))
print(cont.fast([1, 2, 3]), cont.fast((4, 5)))
try:
    cont.fast(5)
except TypeError as e:
    print("TypeError", e)
for s, n in [(slice(None), 10), (slice(-3, None), 10), (slice(None, None, -2), 7), (slice(20, 30), 5)]:
    print(cont.slices(s, n))
