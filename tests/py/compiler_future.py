"""Module docstring stays first."""
from __future__ import annotations
# `from __future__ import annotations` stores annotations as strings,
# unparsed exactly as CPython does.

import sys

def f(a: int, b: list[str] | None = None, *args: tuple[int, ...], k: "quoted" = 1, **kw: dict[str, int]) -> Callable[[int], str]:
    pass

for k, v in f.__annotations__.items():
    print(k, "=", repr(v))

class C:
    x: int
    y: dict[str, list[int]] = {}
    z: (1 + 2) * 3
    w: lambda x, *, y=1: x
    v: a if b else c
    u: not a and b or c
    t: -x ** 2
    s: (-x) ** 2
    r: a[1:2, ::3]
    q: f"{x!r:>{width}}"
    p: {1: 2, **d}
    o: [i async for i in y if i]
    n: x.y.z(1, *a, k=2, **kw)
    m: (1,)
    l: ()
    kk: 1e400
    jj: a < b <= c is not d not in e
    hh: {a, b}

for k, v in C.__annotations__.items():
    print(k, "=", repr(v))

print(__doc__)
print(sys.version_info >= (3, 11))
