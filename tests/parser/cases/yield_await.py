def g():
    yield
    yield 1
    x = yield 2
    yield from h()
    y = yield a, b
    await x
    z = await y ** 2
