for v in [b'ab', bytearray(b'ab'), memoryview(b'ab'), [1, 2]]:
    match v:
        case [a, b]:
            print(type(v).__name__, 'sequence', a, b)
        case bytes(x):
            print(type(v).__name__, 'bytes()', x)
        case bytearray(x):
            print(type(v).__name__, 'bytearray()', x)
        case _:
            print(type(v).__name__, 'other')
