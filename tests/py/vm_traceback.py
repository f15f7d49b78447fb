# An uncaught exception: the traceback printed at exit, through several
# frames, with a chained cause.
def parse(s):
    return int(s)

def load(values):
    out = []
    for v in values:
        out.append(parse(v))
    return out

def main():
    try:
        load(["1", "x"])
    except ValueError as e:
        raise RuntimeError("could not load") from e

print("start")
main()
