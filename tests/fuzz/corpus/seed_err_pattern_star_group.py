match x:
    case {1: 1+2j}, (*_), *rest:
        pass
