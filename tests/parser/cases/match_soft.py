match = 1
match.x = 2
match(x)
case = 3
_ = match[0]
print(match, case)
match x, y:
    case _: pass
match -x:
    case _: pass
