match x: y
