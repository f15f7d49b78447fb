import demo
print(demo.__doc__, demo.add(2, 3), demo.add(-7, 7))
for args in [(1,), (1, 2, 3), ("a", 1), (1.5, 2), (2**40, 1)]:
    try:
        demo.add(*args)
    except Exception as e:
        print(type(e).__name__, e)
