# exceptions in __del__ are reported through sys.unraisablehook and ignored
import sys

class Noisy:
    def __del__(self):
        raise ValueError("error in __del__")

seen = []
def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.object.__qualname__,
                 args.err_msg, args.exc_traceback is not None))
sys.unraisablehook = hook
n = Noisy()
del n
print("continued after __del__ error")
print(seen)

class BadRepr:
    def __repr__(self):
        raise RuntimeError("no repr")
    def __del__(self):
        raise KeyError("k")
b = BadRepr()
del b
print(seen[1])

class FailingHook:
    def __call__(self, args):
        raise TypeError("the hook itself failed")
    def __repr__(self):
        return "<FailingHook>"
sys.unraisablehook = FailingHook()
class Reported:
    def __call__(self, r):
        raise ValueError("from callback")
    def __repr__(self):
        return "<Reported callback>"
from _weakref import ref
class T:
    pass
t = T()
r = ref(t, Reported())
del t
sys.unraisablehook = sys.__unraisablehook__
t = T()
r = ref(t, Reported())
del t
print("end")
