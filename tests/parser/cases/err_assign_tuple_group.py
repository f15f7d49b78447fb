f(), (a and b) = 1
