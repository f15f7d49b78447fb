match *None:
    case 1: pass
