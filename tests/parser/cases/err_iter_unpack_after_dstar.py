f(a, **k, *b)
