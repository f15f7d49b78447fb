# isidentifier / isprintable over ranges: a checksum-like summary per block
def summary(pred, lo, hi):
    out = []
    run = None
    for i in range(lo, hi):
        v = pred(chr(i))
        if v and run is None:
            run = i
        elif not v and run is not None:
            out.append((run, i - 1))
            run = None
    if run is not None:
        out.append((run, hi - 1))
    return out
print(summary(lambda c: c.isidentifier(), 0, 0x800))
print(summary(lambda c: ("a" + c).isidentifier(), 0, 0x800))
print(len(summary(lambda c: c.isidentifier(), 0, 0x30000)))
print(sum(1 for i in range(0x110000) if chr(i).isidentifier()))
print(sum(1 for i in range(0x110000) if ("a" + chr(i)).isidentifier()))
print(summary(lambda c: c.isprintable(), 0, 0x400))
print(sum(1 for i in range(0x110000) if chr(i).isprintable()))
print(summary(lambda c: c.isspace(), 0, 0x110000))
print(sum(1 for i in range(0x110000) if chr(i).isalpha()), sum(1 for i in range(0x110000) if chr(i).isdecimal()),
      sum(1 for i in range(0x110000) if chr(i).isdigit()), sum(1 for i in range(0x110000) if chr(i).isnumeric()),
      sum(1 for i in range(0x110000) if chr(i).islower()), sum(1 for i in range(0x110000) if chr(i).isupper()),
      sum(1 for i in range(0x110000) if chr(i).istitle()), sum(1 for i in range(0x110000) if chr(i).isalnum()))
