with a: pass
with a as b, c as (d, e): pass
with (a, b): pass
with (a as b, c as d,): pass
with (yield): pass
with (a) as b: pass
