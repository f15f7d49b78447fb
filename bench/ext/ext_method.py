# 10 million method calls obj.meth() on an extension object (METH_NOARGS
# through a method descriptor).
import sys
sys.path.insert(0, sys.argv[1])
import cbench


def main(n):
    a = cbench.Static()
    b = cbench.Heap()
    total = 0
    for _ in range(n):
        total += a.meth()
        total += b.meth()
    return total


print(main(5_000_000))
