# PyArg_ParseTupleAndKeywords("iO|d") 10 million times: positional,
# with the optional argument, and by keyword.
import sys
sys.path.insert(0, sys.argv[1])
import cbench


def main(n):
    f = cbench.parse
    total = 0
    for i in range(n):
        total += f(i, None)
        total += f(3, i, 2.0)
        total += f(4, obj=i, scale=1.0)
    return total


print(main(3_333_333))
