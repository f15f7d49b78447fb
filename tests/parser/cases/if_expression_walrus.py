x = [y := 1, y ** 2]
if any((w := v) for v in q): pass
