# Chaos game: an iterated function system drawing a fractal into a grid,
# driven by a deterministic linear congruential generator.


class Random:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state / 0x7FFFFFFF


class Transform:
    def __init__(self, a, b, c, d, e, f, weight):
        self.a, self.b, self.c, self.d, self.e, self.f = a, b, c, d, e, f
        self.weight = weight

    def apply(self, x, y):
        return self.a * x + self.b * y + self.e, self.c * x + self.d * y + self.f


def choose(transforms, r):
    for t in transforms:
        if r < t.weight:
            return t
        r -= t.weight
    return transforms[-1]


def chaos(iterations, size):
    rng = Random(1234)
    transforms = [
        Transform(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 0.01),
        Transform(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 0.85),
        Transform(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 0.07),
        Transform(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 0.07),
    ]
    grid = [[0] * size for _ in range(size)]
    x, y = 0.0, 0.0
    for _ in range(iterations):
        t = choose(transforms, rng.next())
        x, y = t.apply(x, y)
        col = int((x + 3.0) / 6.0 * (size - 1))
        row = int(y / 10.0 * (size - 1))
        if 0 <= col < size and 0 <= row < size:
            grid[row][col] += 1
    return sum(1 for row in grid for v in row if v), max(max(row) for row in grid)


print(chaos(400000, 128))
