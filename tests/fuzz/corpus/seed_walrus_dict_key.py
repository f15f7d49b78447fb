{(x:=1): 2, **d}
{(k := 1): v for v in w}
