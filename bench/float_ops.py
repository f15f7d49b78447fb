# Float-heavy object code: points created, transformed, normalised and
# compared; attribute access on instances with __slots__-less classes.


def sin(x):
    # Taylor series after range reduction; pure Python so the benchmark
    # needs no math module.
    x = x % 6.283185307179586
    if x > 3.141592653589793:
        x -= 6.283185307179586
    term = x
    total = x
    x2 = x * x
    for k in range(1, 9):
        term *= -x2 / ((2 * k) * (2 * k + 1))
        total += term
    return total


def cos(x):
    return sin(x + 1.5707963267948966)


class Point:
    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return "<Point: x=%s, y=%s, z=%s>" % (self.x, self.y, self.z)

    def normalize(self):
        x, y, z = self.x, self.y, self.z
        norm = (x * x + y * y + z * z) ** 0.5
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    nxt = points[0]
    for p in points[1:]:
        nxt = nxt.maximize(p)
    return nxt


def run(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    return maximize(points)


for _ in range(3):
    result = run(60000)
print(result)
