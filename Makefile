# Krait build.  `make` builds build/krait, build/libkrait.a and
# build/libkrait.so; `make check` runs every test layer; `make check-asan`
# runs them again under AddressSanitizer + UBSan; `make bench` compares
# with python3.11.  Release build by default; `make DEBUG=1` for a debug
# build with assertions.

CC ?= cc
ifeq ($(origin CC),default)
CC := gcc
endif
BUILD ?= build
OPT ?= -O2
CSTD := -std=c11
WARN := -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers
CFLAGS_BASE := $(CSTD) $(WARN) $(OPT) -g -fPIC -fvisibility=hidden -fno-strict-aliasing \
  -Iinclude -Isrc -DKR_BUILD_CORE -D_GNU_SOURCE
ifeq ($(DEBUG),1)
CFLAGS_BASE += -DKR_DEBUG -O0
endif
ifeq ($(SAN),1)
CFLAGS_BASE += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS_SAN := -fsanitize=address,undefined
endif
CFLAGS_ALL := $(CFLAGS_BASE) $(CFLAGS)
LIBS := -lm -lpthread -ldl

SRCS := $(sort $(wildcard src/*/*.c src/*/*/*.c))
LIB_SRCS := $(filter-out src/main/%,$(SRCS))
MAIN_SRCS := $(filter src/main/%,$(SRCS))
LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o)
MAIN_OBJS := $(MAIN_SRCS:%.c=$(BUILD)/obj/%.o)
DEPS := $(LIB_OBJS:.o=.d) $(MAIN_OBJS:.o=.d)

.PHONY: all clean check check-asan check-py check-unit check-ext check-embed check-fuzz check-cpython bench install objs

all: $(BUILD)/krait $(BUILD)/libkrait.a $(BUILD)/libkrait.so

objs: $(LIB_OBJS) $(MAIN_OBJS)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(BUILD)/libkrait.a: $(LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libkrait.so: $(LIB_OBJS)
	$(CC) -shared -o $@ $^ $(LDFLAGS_SAN) $(LIBS)

# The executable exports the C API (-rdynamic) so that extension modules,
# which link no Python library, resolve their symbols from it.
$(BUILD)/krait: $(MAIN_OBJS) $(BUILD)/libkrait.a
	$(CC) -rdynamic -o $@ $(MAIN_OBJS) -Wl,--whole-archive $(BUILD)/libkrait.a -Wl,--no-whole-archive $(LDFLAGS_SAN) $(LIBS)

check: all
	@bash tests/run_all.sh $(BUILD)

check-asan:
	$(MAKE) BUILD=build-asan SAN=1 OPT=-O1 check

bench: all
	@bash bench/run.sh $(BUILD)/krait

clean:
	rm -rf build build-asan

-include $(DEPS)
