import build
for part in build.all_units():
    print(part)
print(build.single(), build.none(), build.pair())
for f in (build.null_object, build.bad_unit):
    try:
        f()
    except SystemError as e:
        print("SystemError", e)
