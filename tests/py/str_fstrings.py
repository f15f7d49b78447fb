x, y, name = 42, 3.14159, "World"
print(f"Hello, {name}!", f"{x}", f"{x:5}|{x:<5}|{x:^5}|{x:05}", f"{y:.2f}", f"{name!r}", f"{name!a}", f"{'é'!a}")
print(f"{x + 1}", f"{name.upper()}", f"{[1, 2][0]}", f"{ {'a': 1}['a'] }", f"{x=}", f"{name=!s}", f"{y=:.1f}")
print(f"{{literal}}", f"{x}{{}}{x}", f"{'nested ' + f'{x}'}", f"{x:{'>'}{6}}", f"{name:*^{x // 4}}")
w = 10
print(f"{'centered':^{w}}|", f"{3 * 'ab'}", f"{'€😀':>5}", f"{chr(65)}", f"{'a' if x else 'b'}")
print(f"{x!r:>4}", f"{1e10:,.0f}", f"{255:#x} {255:#o} {255:#b}", f"{-0.0:z.1f}" if False else "", f"{12345678:_}")
lst = ["a", "b"]
print(f"{', '.join(lst)}", f"{len(lst)}", f"{lst!r}", f"{lst}")
