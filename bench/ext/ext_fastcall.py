# 10 million calls of a no-op METH_FASTCALL module function.
import sys
sys.path.insert(0, sys.argv[1])
import cbench


def main(n):
    f = cbench.fastcall
    for _ in range(n):
        f()
        f(1)
    return n


print(main(5_000_000))
