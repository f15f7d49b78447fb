# Uncaught exception during handling (implicit chaining) inside a
# generator and a method.
class Box:
    def get(self, d, k):
        return d[k]

def gen():
    b = Box()
    try:
        yield b.get({}, "missing")
    except KeyError:
        yield 1 / 0

for x in gen():
    print(x)
