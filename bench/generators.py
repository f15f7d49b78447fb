# Generators: pipelines of generator functions, yield from, generator
# expressions and send().


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


def squares(src):
    for x in src:
        yield x * x


def chained(n):
    yield from numbers(n)
    yield from (x * 3 for x in range(n))


def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value


def tree(depth):
    if depth == 0:
        yield 1
        return
    yield from tree(depth - 1)
    yield depth
    yield from tree(depth - 1)


total = 0
for _ in range(5):
    total += sum(squares(evens(numbers(200000))))
    total += sum(chained(100000))
    acc = accumulator()
    next(acc)
    for i in range(100000):
        acc.send(i)
    total += acc.send(0)
    total += sum(tree(14))
print(total)
