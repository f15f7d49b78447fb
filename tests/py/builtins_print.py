# print() with every keyword, and output buffering to stdout.
import sys
print()
print(1, 2, 3)
print(1, 2, 3, sep="-")
print(1, 2, 3, sep=None, end=None)
print("a", "b", end="!\n")
print("no newline", end="")
print()
print("to stdout", file=sys.stdout)
print("flushed", flush=True)
print(*range(5), sep=", ")
print("x", "y", sep="")


class S:
    def __str__(self):
        return "custom str"

    def __repr__(self):
        return "custom repr"


print(S(), [S()], (S(),))
sys.stdout.write("written\n")
print(sys.stdout.write("abc"), "<- count")
