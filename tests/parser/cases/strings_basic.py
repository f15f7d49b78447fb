a = 'x'
b = "y"
c = '''z
w'''
d = """q"""
e = r'\n'
f = b'bytes\x00'
g = rb'\d' Rb'x' bR'y'
h = u'uni'
i = 'a' 'b' "c"
j = '\t\n\r\x41\101\u00e9\U0001F600'
k = 'it''s'
l = "it's"
m = '\\'
n = 'café 日本'
