@dec
@dec.attr(1)
@(lambda f: f)
@x[0]
def f(): pass
@d
class C(A, B, metaclass=M, **kw): pass
@d
async def g(): pass
