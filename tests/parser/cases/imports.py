import a
import a.b.c as d, e
from . import x
from .. import (y as z,)
from ...pkg.mod import *
from __future__ import annotations
from .m import a, b as c
