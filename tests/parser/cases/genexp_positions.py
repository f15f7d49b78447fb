f(x for x in y)
g((x for x in y), 1)
(x for x in y)
