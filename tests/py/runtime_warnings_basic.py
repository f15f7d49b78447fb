# warnings issued through _warnings: default filters, once-per-location
import _warnings

def deprecated():
    _warnings.warn("old api", DeprecationWarning, stacklevel=2)

def user():
    _warnings.warn("user warning")

for i in range(3):
    user()
deprecated()
_warnings.warn("pending", PendingDeprecationWarning)
_warnings.warn("resource", ResourceWarning)
_warnings.warn("import", ImportWarning)
_warnings.warn("runtime", RuntimeWarning)
_warnings.warn(UserWarning("an instance"))
class MyWarning(UserWarning):
    pass
_warnings.warn("custom", MyWarning)
try:
    _warnings.warn("x", int)
except TypeError as e:
    print("TypeError:", e)
print(_warnings._defaultaction)
for f in _warnings.filters:
    print(f[0], f[1], f[2].__name__, f[3], f[4])
keys = []
for k in __warningregistry__:
    if k != "version":
        keys.append(k)
keys.sort()
print(keys)
