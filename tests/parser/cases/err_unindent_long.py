if x:
    a
  b   + 2
