# implicit chaining: During handling of the above exception...
def inner():
    raise KeyError("first")

def outer():
    try:
        inner()
    except KeyError:
        raise ValueError("second")

outer()
