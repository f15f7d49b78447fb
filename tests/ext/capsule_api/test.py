import consumer
print(consumer.use(21))
print(consumer.lifecycle())
import provider
print(type(provider._C_API).__name__, repr(provider._C_API).startswith('<capsule object "provider._C_API" at'))
