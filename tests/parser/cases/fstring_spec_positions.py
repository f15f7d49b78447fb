x = "abc" f"{y:0{w}d}" "b"
z = f"{y:0{w}d}" "b"
u"a" f"{x:0{w}d}"
f"""{a:
{b}x}""" "c"
