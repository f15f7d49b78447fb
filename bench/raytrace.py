# Ray tracer: spheres and a plane lit by one light, with reflections,
# rendered into a small image; vector objects with operator overloading.


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        return self * (1.0 / self.dot(self) ** 0.5)


class Sphere:
    def __init__(self, center, radius, color, reflect):
        self.center = center
        self.r2 = radius * radius
        self.color = color
        self.reflect = reflect

    def hit(self, origin, direction):
        oc = origin - self.center
        b = oc.dot(direction)
        c = oc.dot(oc) - self.r2
        disc = b * b - c
        if disc < 0:
            return None
        t = -b - disc ** 0.5
        return t if t > 1e-6 else None

    def normal(self, p):
        return (p - self.center).norm()


class Plane:
    def __init__(self, point, normal, color, reflect):
        self.point = point
        self.n = normal.norm()
        self.color = color
        self.reflect = reflect

    def hit(self, origin, direction):
        denom = self.n.dot(direction)
        if abs(denom) < 1e-9:
            return None
        t = (self.point - origin).dot(self.n) / denom
        return t if t > 1e-6 else None

    def normal(self, p):
        return self.n


LIGHT = Vec(-10.0, 10.0, -10.0)
SCENE = [
    Sphere(Vec(0.0, 1.0, 5.0), 1.0, (1.0, 0.2, 0.2), 0.5),
    Sphere(Vec(-2.0, 0.6, 6.0), 0.6, (0.2, 1.0, 0.2), 0.3),
    Sphere(Vec(2.0, 0.8, 4.5), 0.8, (0.2, 0.2, 1.0), 0.7),
    Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0), (0.8, 0.8, 0.8), 0.2),
]


def trace(origin, direction, depth):
    nearest = None
    best = 1e30
    for obj in SCENE:
        t = obj.hit(origin, direction)
        if t is not None and t < best:
            best = t
            nearest = obj
    if nearest is None:
        return (0.1, 0.1, 0.2)
    p = origin + direction * best
    n = nearest.normal(p)
    to_light = (LIGHT - p).norm()
    shade = 0.1
    lit = n.dot(to_light)
    if lit > 0:
        shadow = False
        for obj in SCENE:
            if obj is not nearest and obj.hit(p, to_light) is not None:
                shadow = True
                break
        if not shadow:
            shade += lit
    r, g, b = nearest.color
    color = (r * shade, g * shade, b * shade)
    if depth < 3 and nearest.reflect > 0:
        refl = direction - n * (2 * direction.dot(n))
        rr, rg, rb = trace(p, refl.norm(), depth + 1)
        k = nearest.reflect
        color = (color[0] * (1 - k) + rr * k, color[1] * (1 - k) + rg * k, color[2] * (1 - k) + rb * k)
    return color


def render(w, h):
    eye = Vec(0.0, 1.0, -1.0)
    total = 0.0
    for y in range(h):
        for x in range(w):
            d = Vec((x - w / 2) / w, (h / 2 - y) / h, 1.0).norm()
            r, g, b = trace(eye, d, 0)
            total += r + g + b
    return total


print("%.6f" % render(180, 135))
