import worker
seen = []
print(worker.call_from_thread(lambda i: seen.append(i * i), 5), seen)
print(worker.gil_check())


def boom(i):
    raise ValueError("from callback %d" % i)


print(worker.call_from_thread(boom, 1))
