import pkg
import pkg._speedups as sp
import sys
print(pkg.VERSION, pkg.fast_sum(range(10)), sp.__name__, sp.__file__.split("/")[-2:][0])
print("pkg._speedups" in sys.modules, sp.__spec__.name if sp.__spec__ else None, sp.__spec__.parent)
try:
    pkg.fast_sum([1, "x"])
except TypeError as e:
    print("TypeError", e)
