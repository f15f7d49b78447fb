import imp
print(imp.importing())
print(imp.running("result = sum(range(10))\nother = [result]"))
try:
    imp.compile_error("def f(:\n")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno, e.offset, e.filename)
try:
    imp.missing()
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e, e.name)
