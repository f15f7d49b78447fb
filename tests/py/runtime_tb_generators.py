# tracebacks through generators, class bodies, lambdas and comprehensions
import sys
def show(f):
    try:
        f()
    except Exception as e:
        sys.excepthook(type(e), e, e.__traceback__)

def gen():
    yield 1
    raise RuntimeError("in generator")

show(lambda: list(gen()))
def make_class():
    class C:
        attr = 1 / 0
show(make_class)
show(lambda: [int(x) for x in ["1", "two"]])
show(lambda: {k: v for k, v in [(1, 2), (3,)]})
def deep_call():
    return sorted([3, 1, "x"])
show(deep_call)
class Widget:
    def method(self):
        return self.helper()
    def helper(self):
        raise NotImplementedError("subclass must implement")
show(Widget().method)
show(lambda: next(iter([])))
