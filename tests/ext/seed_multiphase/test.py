import demo
print(demo.first, demo.second, demo.__name__)
print(hasattr(demo, "__doc__"))
