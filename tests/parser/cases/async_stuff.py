async def f():
    async for x in y:
        await z
    async with a as b, c:
        pass
    return [i async for i in g() if await i]
