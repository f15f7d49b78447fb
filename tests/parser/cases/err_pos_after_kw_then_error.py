f(match=match, True, y:=y,, case=ob)
