# raise with classes and instances, and bad things to raise
def show(f):
    try:
        f()
    except BaseException as e:
        print(type(e).__name__, repr(str(e)), e.args)

class NotExc:
    pass

show(lambda: exec("raise ValueError"))
show(lambda: exec("raise ValueError('x')"))
show(lambda: exec("raise NotExc"))
show(lambda: exec("raise 5"))
show(lambda: exec("raise ValueError from 5"))
show(lambda: exec("raise ValueError from KeyError"))
class WeirdInit(Exception):
    def __init__(self):
        super().__init__("made by init")
show(lambda: exec("raise WeirdInit"))
class BadNew(Exception):
    def __new__(cls, *args):
        return 5
show(lambda: exec("raise BadNew"))
show(lambda: exec("raise"))
