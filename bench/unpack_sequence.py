# Tuple and list unpacking in tight loops, including starred targets and
# swaps.


def unpack_tuples(n):
    t = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    total = 0
    for _ in range(n):
        a, b, c, d, e, f, g, h, i, j = t
        total += a + j
        a, b, c, d, e, f, g, h, i, j = t
        total += b + i
        a, b, c, d, e, f, g, h, i, j = t
        total += c + h
    return total


def unpack_lists(n):
    lst = [1, 2, 3, 4, 5]
    total = 0
    for _ in range(n):
        a, b, c, d, e = lst
        first, *rest = lst
        *init, last = lst
        total += a + e + first + last + len(rest) + len(init)
    return total


def swaps(n):
    x, y, z = 1, 2, 3
    for _ in range(n):
        x, y = y, x
        x, y, z = z, x, y
    return x + y + z


def pairs(n):
    data = [(i, i * 2) for i in range(1000)]
    total = 0
    for _ in range(n):
        for k, v in data:
            total += v - k
    return total


print(unpack_tuples(1500000), unpack_lists(800000), swaps(3000000), pairs(1200))
