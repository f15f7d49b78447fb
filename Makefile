# Krait build.  `make` builds build/krait, build/libkrait.a and
# build/libkrait.so; `make check` runs every test layer; `make check-asan`
# runs them again under AddressSanitizer + UBSan; `make pgo` builds the
# profile-guided build-pgo/krait, which `make bench` compares with
# python3.11.  Release build by default; `make DEBUG=1` for a debug build
# with assertions.

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


.PHONY: all clean check check-asan bench install objs pgo

all: $(BUILD)/krait $(BUILD)/libkrait.a $(BUILD)/libkrait.so $(BUILD)/krait-config

objs: $(LIB_OBJS) $(MAIN_OBJS)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(BUILD)/libkrait.a: $(LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libkrait.so: $(LIB_OBJS)
	$(CC) -shared -o $@ $^ $(LDFLAGS_SAN) $(LDFLAGS) $(LIBS)

# The executable exports the C API (-rdynamic) so that extension modules,
# which link no Python library, resolve their symbols from it.
$(BUILD)/krait: $(MAIN_OBJS) $(BUILD)/libkrait.a
	$(CC) -rdynamic -o $@ $(MAIN_OBJS) -Wl,--whole-archive $(BUILD)/libkrait.a -Wl,--no-whole-archive $(LDFLAGS_SAN) $(LDFLAGS) $(LIBS)

$(BUILD)/krait-config: tools/krait-config
	@mkdir -p $(BUILD)
	sed 's|^srcroot=$$|srcroot=$(CURDIR)|' $< > $@
	chmod +x $@

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

# The profile-guided build (what CPython's --enable-optimizations does):
# build instrumented, run a training workload, rebuild with the profile.
# The training workload is the test suite (tests/py and tests/ext), never
# the benchmarks, so that what `make bench` measures is not what the
# compiler was trained on.  The second pass may not warn about
# maybe-uninitialized: the profile changes inlining, and that warning's
# false positives depend on inlining; the ordinary build checks it.
PGO_BUILD ?= build-pgo
PGO_DATA = $(abspath $(PGO_BUILD))/profile
pgo:
	rm -rf $(PGO_BUILD)
	$(MAKE) BUILD=$(PGO_BUILD) CFLAGS="$(CFLAGS) -fprofile-generate -fprofile-update=atomic -fprofile-dir=$(PGO_DATA)" LDFLAGS="-fprofile-generate" all
	@echo "pgo: training on the test suite"
	-@KR_TEST_OUT=$(abspath $(PGO_BUILD))/train PY_TIMEOUT=300 bash tests/run_py.sh $(PGO_BUILD)/krait > $(PGO_BUILD)/train.log 2>&1
	-@bash tests/run_ext.sh $(PGO_BUILD) >> $(PGO_BUILD)/train.log 2>&1
	find $(PGO_BUILD)/obj -name '*.o' -delete
	rm -f $(PGO_BUILD)/krait $(PGO_BUILD)/libkrait.a $(PGO_BUILD)/libkrait.so
	$(MAKE) BUILD=$(PGO_BUILD) CFLAGS="$(CFLAGS) -fprofile-use -fprofile-partial-training -Wno-missing-profile -Wno-maybe-uninitialized -fprofile-dir=$(PGO_DATA)" all

# Benchmarks run the profile-guided build, as CPython 3.11 is shipped
# (Debian builds it with PGO and LTO).  `bash bench/run.sh BUILD/krait`
# times any other build.
bench: pgo
	@bash bench/run.sh $(PGO_BUILD)/krait

clean:
	rm -rf build build-asan $(PGO_BUILD)

-include $(DEPS)
