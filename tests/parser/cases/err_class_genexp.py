class C(a.b for x in y): pass
