print(1)
print >>sys.stderr, 'x'
exec('x')
