# BINARY_OP fast paths for floats, mixed int/float and int true division:
# every result and error must equal the generic path (and CPython).
vals = [0.0, -0.0, 1.5, -2.25, 7.0, -7.0, 1e300, 3, -3, 0, 2**29, -(2**29)]
for a in vals:
    for b in vals:
        for name, f in (("+", lambda x, y: x + y), ("-", lambda x, y: x - y), ("*", lambda x, y: x * y), ("/", lambda x, y: x / y), ("%", lambda x, y: x % y)):
            try:
                r = f(a, b)
            except ZeroDivisionError as e:
                r = "ZeroDivisionError: %s" % e
            print(repr(a), name, repr(b), "=", repr(r))
