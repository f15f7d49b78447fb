a = '\a\b\f\v\0\7\77\777'
b = 'line\
continued'
c = '\q\d'
d = b'\xff\x80\q'
e = '\ud800'
f = '\x7f\x80\xa0\xad'
