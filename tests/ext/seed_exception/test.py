import demo
print(demo.Error, demo.Error.__mro__)
try:
    demo.fail()
except demo.Error as e:
    print("caught", repr(e))
try:
    demo.check(-1)
except ValueError as e:
    print("caught", repr(e))
print(demo.check(1))
try:
    raise demo.Error("failure")
except Exception as e:
    print(type(e).__module__, type(e).__name__, e)
