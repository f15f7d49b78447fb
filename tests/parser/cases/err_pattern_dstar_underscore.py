match x:
    case {True: -1, **_}:
        pass
