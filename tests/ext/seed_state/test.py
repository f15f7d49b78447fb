import demo
print(demo.START, demo.bump(), demo.bump(), demo.bump())
print(type(demo).__name__, demo.__name__)
