match x:
    case (1): pass
    case (a | b): pass
    case ((a, b)): pass
    case [1, (2 | 3) as y]: pass
