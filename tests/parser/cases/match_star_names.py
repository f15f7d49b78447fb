match x:
    case [1, *rest]: pass
    case {**rest}: pass
    case [*_, last]: pass
