def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

import sys
print(sys.int_info.bits_per_digit, sys.int_info.sizeof_digit, sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold, sys.get_int_max_str_digits())
show(lambda: str(10**4299)[:5]); show(lambda: str(10**4300)); show(lambda: str(-10**4299)[:5]); show(lambda: int('1' * 4300) % 97); show(lambda: int('1' * 4301)); show(lambda: int('-' + '1' * 4300) % 97)
show(lambda: str(2**100000)); show(lambda: hex(2**100000)[:10]); show(lambda: int('f' * 5000, 16) % 97); show(lambda: int('1_' * 4300 + '1')); show(lambda: int('1' * 5000, 8) % 97)
show(lambda: repr(10**5000)); show(lambda: f'{10**5000}'); show(lambda: format(10**5000, 'x')[:4]); show(lambda: format(10**5000, 'd'))
sys.set_int_max_str_digits(5000)
show(lambda: len(str(10**4999))); show(lambda: str(10**5000)); show(lambda: int('9' * 5000) % 97); show(lambda: int('9' * 5001))
sys.set_int_max_str_digits(0)
show(lambda: len(str(10**20000))); show(lambda: int('7' * 20000) % 1000)
sys.set_int_max_str_digits(640)
show(lambda: str(10**640)); show(lambda: len(str(10**639))); show(lambda: int('1' * 641))
show(lambda: sys.set_int_max_str_digits(639)); show(lambda: sys.set_int_max_str_digits(-1))
print(sys.get_int_max_str_digits())
