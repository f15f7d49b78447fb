match x:
    case 1:
        pass
    case 'a' | 'b':
        pass
    case None | True | False:
        pass
    case -1 | 1.5 | -2j | 1+2j | -1-2j:
        pass
    case _:
        pass
