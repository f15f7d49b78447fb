# docstrings and text signatures of itertools, _collections (but OrderedDict, which is the odict area's), _functools and _operator
import itertools, _collections, _functools, _operator
for mod in (itertools, _collections, _functools, _operator):
    for name in sorted(dir(mod)):
        if name.startswith('__') or name == 'OrderedDict': continue
        obj = getattr(mod, name)
        print(mod.__name__, name, repr(getattr(obj, '__text_signature__', None)), repr(obj.__doc__)[:300])
        if isinstance(obj, type):
            for mname, m in sorted(vars(obj).items()):
                if mname in ('__doc__', '__module__', '__dict__', '__weakref__') : continue
                d = getattr(m, '__doc__', None)
                print('   ', mname, type(m).__name__, repr(getattr(m, '__text_signature__', None)), repr(d)[:120])
