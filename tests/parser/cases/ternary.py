x = a if b else c if d else e
y = (lambda: 1) if a else lambda: 2
