try:
    try:
        pass
    except E:
        raise
finally:
    pass
