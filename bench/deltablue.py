# DeltaBlue-style constraint solving: variables connected by equality and
# scale constraints with strengths; adding a constraint re-plans which
# constraint determines each variable, and plans are executed repeatedly
# as inputs change.  Object graphs, method dispatch and small lists.

REQUIRED, STRONG, MEDIUM, WEAK = 0, 1, 2, 3


class Variable:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.strength = WEAK
        self.stay = True


class Constraint:
    def __init__(self, strength):
        self.strength = strength
        self.satisfied = False

    def add(self, planner):
        for v in self.inputs() + self.outputs():
            v.constraints.append(self)
        planner.incremental_add(self)

    def remove(self, planner):
        for v in self.inputs() + self.outputs():
            v.constraints.remove(self)
        planner.incremental_remove(self)


class Edit(Constraint):
    def __init__(self, var, strength):
        Constraint.__init__(self, strength)
        self.var = var

    def inputs(self):
        return []

    def outputs(self):
        return [self.var]

    def execute(self):
        pass


class Equal(Constraint):
    def __init__(self, a, b, strength):
        Constraint.__init__(self, strength)
        self.a = a
        self.b = b

    def inputs(self):
        return [self.a]

    def outputs(self):
        return [self.b]

    def execute(self):
        self.b.value = self.a.value


class Scale(Constraint):
    def __init__(self, src, scale, offset, dest, strength):
        Constraint.__init__(self, strength)
        self.src, self.scale, self.offset, self.dest = src, scale, offset, dest

    def inputs(self):
        return [self.src, self.scale, self.offset]

    def outputs(self):
        return [self.dest]

    def execute(self):
        self.dest.value = self.src.value * self.scale.value + self.offset.value


class Planner:
    def __init__(self):
        self.constraints = []

    def incremental_add(self, c):
        self.constraints.append(c)
        self.resolve()

    def incremental_remove(self, c):
        self.constraints.remove(c)
        self.resolve()

    def resolve(self):
        # Strongest constraints claim their outputs first; each variable is
        # determined by at most one constraint.
        for c in self.constraints:
            c.satisfied = False
            for v in c.outputs():
                v.determined_by = None
        for c in sorted(self.constraints, key=lambda c: c.strength):
            outs = c.outputs()
            if all(v.determined_by is None for v in outs):
                for v in outs:
                    v.determined_by = c
                    v.strength = c.strength
                c.satisfied = True

    def make_plan(self, sources):
        plan = []
        seen = set()
        todo = list(sources)
        while todo:
            c = todo.pop(0)
            if id(c) in seen or not c.satisfied:
                continue
            seen.add(id(c))
            plan.append(c)
            for v in c.outputs():
                for d in v.constraints:
                    if d is not c and d.satisfied and v in d.inputs():
                        todo.append(d)
        return plan

    def run(self, plan):
        for c in plan:
            c.execute()


def chain_test(n):
    planner = Planner()
    vars_ = [Variable("v%d" % i) for i in range(n + 1)]
    for i in range(n):
        Equal(vars_[i], vars_[i + 1], REQUIRED).add(planner)
    edit = Edit(vars_[0], STRONG)
    edit.add(planner)
    plan = planner.make_plan([edit] + [c for c in vars_[0].constraints if c is not edit])
    total = 0
    for i in range(100):
        vars_[0].value = i
        planner.run(plan)
        total += vars_[n].value
    edit.remove(planner)
    return total


def projection_test(n):
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    dests = []
    srcs = []
    for i in range(n):
        src = Variable("src%d" % i, i)
        dst = Variable("dst%d" % i, i)
        srcs.append(src)
        dests.append(dst)
        Scale(src, scale, offset, dst, REQUIRED).add(planner)
    plan = planner.make_plan([c for s in srcs for c in s.constraints])
    total = 0
    for k in range(20):
        scale.value = k + 1
        planner.run(plan)
        total += sum(d.value for d in dests)
    return total


total = 0
for _ in range(20):
    total += chain_test(120) + projection_test(120)
print(total)
