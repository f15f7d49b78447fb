# Argument-error precedence of builtins parsed like Argument Clinic: counts, then missing, then unknown keywords.
for f in [lambda: compile(foo=1), lambda: compile('x', foo=1), lambda: "abc".split(1, 2, 3), lambda: (5).to_bytes(1, 'big', 3), lambda: round(1, 2, 3), lambda: pow(1), lambda: int.from_bytes(), lambda: sorted([], 1), lambda: "x".encode(1, 2, 3), lambda: "x".startswith()]:
    try: f()
    except TypeError as e: print(e)
for f in [lambda: compile('x', 'f', 'exec', foo=1), lambda: compile('x', source='y'), lambda: "a".split(sep=1, foo=2), lambda: "a".split(None, -1, maxsplit=2),
          lambda: int.from_bytes(b'', 'big', byteorder='x'), lambda: sorted([], key=None, foo=1), lambda: max(1, 2, foo=3), lambda: print(end=1, sep=2, foo=3),
          lambda: "x".encode(encoding='a', encoding2='b'), lambda: "x".encode('a', 'b', 'c'), lambda: round(number=1, ndigits=2, x=3), lambda: round()]:
    try: f()
    except (TypeError, LookupError) as e: print(type(e).__name__, e)
