# "[Previous line repeated N more time(s)]" for short and long repeats
import sys
def down(n):
    if n == 0:
        raise ValueError("bottom")
    return down(n - 1)

for depth in [2, 3, 4, 5, 10]:
    try:
        down(depth)
    except ValueError as e:
        sys.excepthook(type(e), e, e.__traceback__)

def a(n):
    return b(n)
def b(n):
    if n == 0:
        raise KeyError("ab")
    return a(n - 1)
try:
    a(6)
except KeyError as e:
    sys.excepthook(type(e), e, e.__traceback__)

sys.tracebacklimit = 2
try:
    down(5)
except ValueError as e:
    sys.excepthook(type(e), e, e.__traceback__)
sys.tracebacklimit = 0
down(1)
