# notes are printed after the message
class MyError(Exception):
    pass

e = MyError("with notes")
e.add_note("first note")
e.add_note("second\nmultiline note")
e.__notes__.append(42)
raise e
