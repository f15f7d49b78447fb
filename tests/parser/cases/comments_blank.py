# comment


x = 1  # trailing

    # indented comment
def f():
    # in func

    return 1
