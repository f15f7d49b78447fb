match p:
    case [a, b, *rest]:
        pass
    case (a, b):
        pass
    case ():
        pass
    case [*_]:
        pass
    case a, b:
        pass
    case {'k': v, 1: w, **kw}:
        pass
    case {}:
        pass
    case {a.b: 1}:
        pass
