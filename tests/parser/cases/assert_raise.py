assert x
assert x, 'msg'
raise
raise E
raise E from e
