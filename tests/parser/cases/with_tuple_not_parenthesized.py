with a, b as c: pass
with (a, b) as c: pass
