try:
    x
except:
x
