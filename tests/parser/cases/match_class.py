match p:
    case Point(x=0, y=0):
        pass
    case Point(1, 2, z=3):
        pass
    case a.b.C():
        pass
    case x if x > 0:
        pass
    case [Point(x=0) as p, *_] as whole:
        pass
    case (1 | 2) as n:
        pass
    case Color.RED:
        pass
