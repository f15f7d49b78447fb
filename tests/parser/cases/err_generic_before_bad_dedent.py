for s in g:
    x = import 
  a
