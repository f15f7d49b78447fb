calls = [("lower", (1,)), ("upper", (), {"x": 1}), ("find", ()), ("count", (1,)), ("split", (1,)), ("join", ()),
         ("center", ()), ("zfill", ()), ("zfill", (1, 2)), ("encode", ("utf-8", "strict", 1)), ("expandtabs", ("a",)),
         ("startswith", ()), ("replace", ("a",)), ("partition", ()), ("strip", (1, 2)), ("ljust", (1, 2, 3)),
         ("splitlines", (1, 2)), ("format_map", ()), ("translate", ()), ("removeprefix", ()), ("index", ("zz",)),
         ("rindex", ("zz",)), ("title", (1,)), ("isdigit", (1,)), ("casefold", (), {"a": 1}), ("rsplit", (), {"maxsplit": "x"}),
         ("split", (), {"sep": 1}), ("encode", (), {"encoding": 1}), ("encode", (), {"errors": 1}), ("splitlines", (), {"keepend": 1})]
for item in calls:
    name, args = item[0], item[1]
    kw = item[2] if len(item) > 2 else {}
    try:
        print(name, repr(getattr("abc", name)(*args, **kw)))
    except Exception as e:
        print(name, type(e).__name__, e)
