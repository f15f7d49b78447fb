# add_note and __notes__
e = ValueError("v")
try:
    e.__notes__
except AttributeError as a:
    print("AttributeError:", a)
e.add_note("first")
e.add_note("second")
print(e.__notes__, e.__dict__)
try:
    e.add_note(1)
except TypeError as t:
    print("TypeError:", t)
e.__notes__ = "not a list"
try:
    e.add_note("x")
except TypeError as t:
    print("TypeError:", t)
del e.__notes__
e.add_note("again")
print(e.__notes__)
