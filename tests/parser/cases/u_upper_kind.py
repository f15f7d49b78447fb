U"ok" "ok"
u"ok" U"x"
U"a"
x = u"a" f"{y}" "b"
