async def f():
    await a.b(c)
    [await x for x in y]
    return await z
