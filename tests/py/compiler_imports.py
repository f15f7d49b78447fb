# Import statement forms: dotted import binds the top package, `as` binds
# the leaf, from-import with aliases, star import, relative import errors.
import os.path
import os.path as osp
from os import path as p2, sep
from collections import *
import importlib.util

print(os.path is osp, p2 is osp, sep == os.sep, OrderedDict.__name__, deque.__name__)
print(type(importlib.util).__name__, "util" in dir(importlib))

def local_import():
    import json.decoder as jd
    from json import dumps
    return jd.__name__, dumps([1])

print(local_import())
try:
    from . import nothing
except ImportError as e:
    print(type(e).__name__, e)
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(e)
try:
    from os import no_such_name
except ImportError as e:
    print(str(e).split(" (")[0])
