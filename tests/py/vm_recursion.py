# RecursionError at sys.getrecursionlimit(), and recovery afterwards.
import sys

def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)

depth = 0
def count():
    global depth
    depth += 1
    count()
try:
    count()
except RecursionError:
    pass
print(depth > 900, depth <= sys.getrecursionlimit())

# recursion through a C call (a bound method via the type's __call__)
class Rec:
    def __call__(self):
        return self()
try:
    Rec()()
except RecursionError as e:
    print("RecursionError:", e)

# recursion inside __repr__
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("RecursionError:", e)

# lowering and raising the limit
old = sys.getrecursionlimit()
sys.setrecursionlimit(100)
def limited(n):
    return limited(n + 1) if n < 1000 else n
try:
    limited(0)
except RecursionError:
    print("limited at 100")
sys.setrecursionlimit(old)

def fine(n):
    return 0 if n == 0 else 1 + fine(n - 1)
print(fine(800))

# recursion in generators
def rgen(n):
    yield n
    yield from rgen(n + 1)
try:
    for v in rgen(0):
        pass
except RecursionError as e:
    print("generator RecursionError:", e)

# after all that, normal calls still work
print(sum(fine(i) for i in range(50)))
