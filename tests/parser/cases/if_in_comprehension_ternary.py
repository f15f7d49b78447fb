[a if b else c for d in e if f]
