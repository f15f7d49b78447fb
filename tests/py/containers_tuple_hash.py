print(hash(()), hash((0,)), hash((1,)), hash((0, 0)), hash((1, 2, 3)), hash(("",)))
print(hash((1.5, 2.5)), hash((True, False)), hash((-1, -2, -3)), hash(((), ((),))))
print(hash((2**61,)), hash((2**64, -2**64)), hash((float("inf"), float("-inf"))))
print(hash(tuple(range(100))), hash(tuple(range(1000))))
print(hash((frozenset([1]), range(3))) == hash((frozenset([1]), range(0, 3))))
class H:
    def __hash__(self):
        return 12345
print(hash((H(), H())))
print(len({(i, i + 1) for i in range(1000)}))
