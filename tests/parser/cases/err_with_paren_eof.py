async with (print in print
