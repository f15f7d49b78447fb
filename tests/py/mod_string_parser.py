# _string.formatter_parser and formatter_field_name_split (the C half of
# string.Formatter; string itself needs re, so a small formatter built on
# them stands in for it), and str.format over the same scanner.
import _string
print(sorted(n for n in dir(_string) if not n.startswith('__')), _string.__doc__)
for s in ["", "abc", "a{{b}}c", "{0}", "x{0!r:>{1}}y", "{a.b[c]}", "{}", "{:}", "{!s}", "a{0:{{}}}", "{0[}", "}}", "{{", "a{", "a}", "{0!}", "{0!rx}", "{0:", "{0", "{a{b}", "{0!r", "{[}]}", "x{:}}", "{0!r:}", "\u00e9{\u00e9}", "{0!\u00e9}"]:
    try: print(repr(s), list(_string.formatter_parser(s)))
    except Exception as e: print(repr(s), type(e).__name__, e)
for s in ["", "a", "0", "a.b[c]", "0[1].x", "a[", "a.", "a[]", "a.b]c", "a[0]x", "[0]", ".a", "00", "1[2][3]", "a[x.y]", "99999999999999999999999"]:
    try:
        first, it = _string.formatter_field_name_split(s)
        print(repr(s), repr(first), type(it).__name__, list(it))
    except Exception as e: print(repr(s), type(e).__name__, e)
for bad in [1, None, b'x']:
    try: _string.formatter_parser(bad)
    except Exception as e: print(type(e).__name__, e)
    try: _string.formatter_field_name_split(bad)
    except Exception as e: print(type(e).__name__, e)
it = _string.formatter_parser("a{}")
print(type(it).__name__, type(it).__module__, iter(it) is it)
print(_string.formatter_parser.__doc__, _string.formatter_field_name_split.__doc__)


def vformat(fmt, args, kwargs, depth=2):
    # string.Formatter.vformat's algorithm, reduced
    out = []
    auto = 0
    for literal, field, spec, conv in _string.formatter_parser(fmt):
        out.append(literal)
        if field is None:
            continue
        first, rest = _string.formatter_field_name_split(field)
        if first == '':
            first, auto = auto, auto + 1
        obj = args[first] if isinstance(first, int) else kwargs[first]
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        if conv == 'r':
            obj = repr(obj)
        elif conv == 's':
            obj = str(obj)
        elif conv == 'a':
            obj = ascii(obj)
        spec = vformat(spec, args, kwargs, depth - 1)
        out.append(format(obj, spec))
    return ''.join(out)


class P:
    x = 3
    items = ['a', 'b']


tests = [("{} and {}", (1, 2), {}), ("{0!r:>{1}}|", ('ab', 6), {}), ("{p.x}{p.items[1]}", (), {'p': P}),
         ("{a[k]}", (), {'a': {'k': 'v'}}), ("{{x}} {0:^5}", ('c',), {}), ("é{0!a}", ('é',), {})]
for fmt, a, k in tests:
    print(repr(vformat(fmt, a, k)), repr(fmt.format(*a, **k)))

# str.format errors go through the same scanner
for fmt in ["{", "}", "a{0[}", "{0!}", "{0!rx}", "{0:", "{a{b}", "{0[0]x}", "{0.}", "{0[]}", "{!z}", "{0}{}", "{}{0}",
            "{0:{1:{2}}}", "{9}", "{x}", "{0[", "{0.a.}"]:
    try:
        print(repr(fmt), repr(fmt.format([1], 2, 3)))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)
print("{0[0]}{0[1]:>3}{k.real}".format([1, 2], k=5), "{:{}{}}".format(3, '>', 4))
print("{0:{1}}".format(1, '>4'), "{a}".format_map({'a': 1}))
try:
    "{0}".format_map({})
except Exception as e:
    print(type(e).__name__, e)
