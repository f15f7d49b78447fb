value = "pkg"
from . import helper
