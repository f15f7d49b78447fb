# compile(..., optimize=N): asserts and __debug__ at -O, docstrings at -OO.
src = '''
"""module doc"""
def f():
    """func doc"""
    assert False, "boom"
    return __debug__
class C:
    """class doc"""
'''
for opt in (0, 1, 2):
    ns = {}
    exec(compile(src, "<o>", "exec", optimize=opt), ns)
    try:
        r = ns["f"]()
    except AssertionError as e:
        r = "AssertionError " + str(e)
    print(opt, ns.get("__doc__"), ns["f"].__doc__, ns["C"].__doc__, r)
