# 3.11's "Did you mean" for NameError and AttributeError
import sys
def show(f):
    try:
        f()
    except (NameError, AttributeError) as e:
        sys.excepthook(type(e), e, e.__traceback__)

class Config:
    def __init__(self):
        self.verbose = True
        self.value = 10

cfg = Config()
counter = 0

def local_typo():
    number_of_items = 5
    return number_of_itmes

show(lambda: cfg.verbos)
show(lambda: cfg.valeu)
show(lambda: cfg.xyzzy)
show(lambda: countr)
show(local_typo)
show(lambda: lenn([]))
show(lambda: "abc".uper())
show(lambda: totally_unknown_name_here)
print(Config().verbose)
cfg.verbse
