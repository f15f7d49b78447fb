# 10 million calls of a METH_VARARGS module function (a tuple per call).
import sys
sys.path.insert(0, sys.argv[1])
import cbench


def main(n):
    f = cbench.varargs
    for i in range(n):
        f(i, None)
    return n


print(main(10_000_000))
