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
# Test programs that link the runtime library (unit and embedding tests)
# need the same sanitizer runtime.
SANITIZERS := -fsanitize=address,undefined
SAN_TEST_FLAGS := $(if $(filter 1,$(SAN)),$(SANITIZERS),)
CFLAGS_ALL := $(CFLAGS_BASE) $(CFLAGS)
LIBS := -lm -lpthread -ldl

SRCS := $(sort $(wildcard src/*/*.c src/*/*/*.c))
LIB_SRCS := $(filter-out src/main/%,$(SRCS))
MAIN_SRCS := $(filter src/main/%,$(SRCS))
LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o)
MAIN_OBJS := $(MAIN_SRCS:%.c=$(BUILD)/obj/%.o)
DEPS := $(LIB_OBJS:.o=.d) $(MAIN_OBJS:.o=.d)


.PHONY: all clean check check-asan bench install objs

all: $(BUILD)/krait $(BUILD)/libkrait.a $(BUILD)/libkrait.so $(BUILD)/krait-config

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

$(BUILD)/krait-config: tools/krait-config
	@mkdir -p $(BUILD)
	cp $< $@

PREFIX ?= /usr/local
DESTDIR ?=
VERSION := $(shell sed -n 's/^#define KRAIT_VERSION "\(.*\)"/\1/p' include/patchlevel.h)

# Installs the command, krait-config, the libraries, the headers (under
# include/krait3.11, like CPython's include/python3.11), Krait's own
# Python modules and a pkg-config file.
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	  $(DESTDIR)$(PREFIX)/include/krait3.11 $(DESTDIR)$(PREFIX)/lib/krait3.11
	install -m 755 $(BUILD)/krait $(DESTDIR)$(PREFIX)/bin/krait
	install -m 755 tools/krait-config $(DESTDIR)$(PREFIX)/bin/krait-config
	install -m 644 $(BUILD)/libkrait.a $(DESTDIR)$(PREFIX)/lib/libkrait.a
	install -m 755 $(BUILD)/libkrait.so $(DESTDIR)$(PREFIX)/lib/libkrait.so
	install -m 644 include/*.h $(DESTDIR)$(PREFIX)/include/krait3.11/
	install -m 644 lib/*.py $(DESTDIR)$(PREFIX)/lib/krait3.11/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' tools/krait.pc.in \
	  > $(DESTDIR)$(PREFIX)/lib/pkgconfig/krait.pc

check: all
	@SAN_CFLAGS="$(SAN_TEST_FLAGS)" bash tests/run_all.sh $(BUILD)

# Leak detection is off: the runtime does not yet free every object at
# exit, so LeakSanitizer would report those as leaks in every run.
check-asan:
	$(MAKE) BUILD=build-asan SAN=1 OPT=-O1 all
	PY_TIMEOUT=600 ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 $(MAKE) BUILD=build-asan SAN=1 OPT=-O1 check

bench: all
	@bash bench/run.sh $(BUILD)/krait

clean:
	rm -rf build build-asan

-include $(DEPS)
