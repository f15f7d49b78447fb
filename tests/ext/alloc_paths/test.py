# The allocator and int creation through the C API (allocpaths.c).
import allocpaths

for row in allocpaths.signed_values():
    assert row[0] == row[1] == row[2], row
    print(row[0], type(row[0]).__name__, row[0].bit_length())
for row in allocpaths.unsigned_values():
    assert row[0] == row[1] == row[2], row
    print(row[0], hex(row[0]))


def drop_ints():
    # leave plenty of dead one-digit ints behind (a runtime may keep them
    # for reuse; a hook must still see every new int)
    xs = [i * 7 for i in range(100000, 100300)]
    del xs
    ys = [float(i) for i in range(300)]
    del ys


# ints made under an object-domain hook go through it
drop_ints()
print(allocpaths.hooked_ints(1))
drop_ints()
print(allocpaths.hooked_ints(500))
# ints freed while the hook is installed and made again after removal
for _ in range(3):
    drop_ints()
    print(allocpaths.hooked_ints(50))
print(allocpaths.hooked_domains())
print(allocpaths.contracts())
print(allocpaths.churn(10))
print(allocpaths.churn(20000))

# Python-made ints after the hooks are gone
xs = [i * 3 for i in range(2**30 - 5, 2**30 + 5)]
print(xs[0], xs[-1], sum(xs))
