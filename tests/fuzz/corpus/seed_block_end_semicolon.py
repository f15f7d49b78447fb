if a:
    b;
while c: d;
try:
    e
except A: f;
else:
    g;
class C: h;
def f():
    x = 1;  # trailing
for i in j:
    pass;
else: k;
with m: n;
match p:
    case 1: q;
