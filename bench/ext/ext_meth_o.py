# 10 million calls of a METH_O module function.
import sys
sys.path.insert(0, sys.argv[1])
import cbench


def main(n):
    f = cbench.meth_o
    x = None
    for i in range(n):
        x = f(i)
    return x


print(main(10_000_000))
