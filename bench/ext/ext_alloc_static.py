# Creating and destroying 10 million instances of a static extension type
# (tp_new calling tp_alloc, tp_dealloc calling tp_free).
import sys
sys.path.insert(0, sys.argv[1])
import cbench


def main(n):
    cls = cbench.Static
    for _ in range(n):
        cls()
    keep = [cls() for _ in range(1000)]
    return n + len(keep)


print(main(10_000_000))
