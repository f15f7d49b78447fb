import demo
print(demo.ANSWER)
print(demo.NAME, demo.PI, sorted(k for k in vars(demo) if not k.startswith("__")))
