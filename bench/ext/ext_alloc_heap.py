# Creating and destroying 10 million instances of a heap type made by
# PyType_FromSpec (its instances hold a reference to the type).
import sys
sys.path.insert(0, sys.argv[1])
import cbench


def main(n):
    cls = cbench.Heap
    for _ in range(n):
        cls()
    keep = [cls() for _ in range(1000)]
    return n + len(keep)


print(main(10_000_000))
