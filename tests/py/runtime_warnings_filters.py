# changing _warnings.filters: error, ignore, always, once, module
import _warnings

def warn(msg, cat=UserWarning):
    _warnings.warn(msg, cat)

_warnings.filters.insert(0, ("error", None, RuntimeWarning, None, 0))
_warnings._filters_mutated()
try:
    warn("becomes an error", RuntimeWarning)
except RuntimeWarning as e:
    print("raised:", repr(e))
_warnings.filters.insert(0, ("ignore", None, UserWarning, None, 0))
_warnings._filters_mutated()
warn("ignored")
_warnings.filters.pop(0)
_warnings.filters.insert(0, ("always", None, UserWarning, None, 0))
_warnings._filters_mutated()
for i in range(2):
    warn("always shown")
_warnings.filters.pop(0)
_warnings.filters.insert(0, ("once", None, UserWarning, None, 0))
_warnings._filters_mutated()
for i in range(2):
    warn("once only")
warn("once only")
_warnings.filters.pop(0)
_warnings.filters.insert(0, ("bogus", None, UserWarning, None, 0))
_warnings._filters_mutated()
try:
    warn("bad action")
except RuntimeError as e:
    print("RuntimeError:", e)
_warnings.filters.pop(0)
_warnings._filters_mutated()
_warnings.warn_explicit("explicit", UserWarning, "somefile.py", 12)
_warnings.warn_explicit("explicit module", UserWarning, "other.py", 3, "mod", {})
print("end")
