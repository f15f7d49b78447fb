# Importing plain modules and packages from the script's folder.
import pkgdemo
import pkgdemo.sub.leaf
from pkgdemo.sub import deep
from pkgdemo import helper as h
print(pkgdemo.value, deep, h.shout("x"))
print(pkgdemo.sub.leaf.name, pkgdemo.sub.leaf.package)
print(pkgdemo.__name__, pkgdemo.__package__, pkgdemo.__file__.endswith("pkgdemo/__init__.py"))
print(type(pkgdemo.__path__).__name__, len(pkgdemo.__path__))
import sys
print("pkgdemo.helper" in sys.modules, sys.modules["pkgdemo.sub"].deep)
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from pkgdemo import missing_name
except ImportError as e:
    print(type(e).__name__, e)
try:
    import pkgdemo.helper.nope
except ModuleNotFoundError as e:
    print(e)
m = __import__("pkgdemo.sub", fromlist=["leaf"])
print(m.__name__)
