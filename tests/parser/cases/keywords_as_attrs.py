a.match
a.case
a._
x = a.type
