# modelc - OpenAPI schema compiler to C models.
#
#   make            install missing Debian packages (as root), build modelc,
#                   regenerate generated/ from schema/, build the models
#   make test       the whole suite: normal, ASan+UBSan and valgrind runs
#   make sanitize   the suite under ASan+UBSan only
#   make valgrind   the suite under valgrind only
#   make check-portable  runtime tests with the 8-byte (SWAR) and byte-loop scanners
#   make bench      benchmarks against peer JSON libraries (bench/)
#   make fuzz       libFuzzer runs of the decoder and the front end (fuzz/)
#   make install    PREFIX=/usr/local DESTDIR=
#   make clean      removes build/
#
# Every build product lives under build/ (build/asan for the sanitizer build).

CC       ?= cc
CXX      ?= c++
PREFIX   ?= /usr/local
DESTDIR  ?=
B        ?= build
SAN      ?=

OPT      ?= -O2 -g
WARN      = -Wall -Wextra -Wpedantic -Werror
CSTD      = -std=c11
SANFLAGS  = -fsanitize=address,undefined -fno-sanitize-recover=all
LDFLAGS_SAN =
ifeq ($(SAN),1)
  OPT     = -O1 -g -fno-omit-frame-pointer $(SANFLAGS)
  LDFLAGS_SAN = $(SANFLAGS)
endif
# The generator is a POSIX host tool; the runtime and generated code are ISO C only.
GEN_CFLAGS = $(CSTD) $(WARN) $(OPT) -D_POSIX_C_SOURCE=200809L -Igenerator -I$(B)
RT_CFLAGS  = $(CSTD) $(WARN) -Wconversion -Wshadow $(OPT)

BUILD_PKGS = gcc make libyaml-dev
TEST_PKGS  = libcmocka-dev libfyaml-dev valgrind g++ clang cmake

VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)

GEN_SRC   := $(wildcard generator/*.c)
GEN_OBJ   := $(patsubst generator/%.c,$(B)/gen/%.o,$(GEN_SRC))
GEN_LIB_OBJ := $(filter-out $(B)/gen/main.o,$(GEN_OBJ)) $(B)/gen/embedded.o
TEMPLATES := $(sort $(wildcard templates/*.mustache))
RUNTIME   := $(wildcard runtime/mc_runtime.h runtime/mc_runtime.c)
SCHEMAS   := $(sort $(wildcard schema/*.yaml))

UNIT_TESTS    := $(patsubst tests/unit/%.c,$(B)/tests/%,$(wildcard tests/unit/test_*.c))
RUNTIME_TESTS := $(patsubst tests/runtime/%.c,$(B)/tests/%,$(wildcard tests/runtime/test_*.c))
MODEL_TESTS   := $(patsubst tests/models/%.c,$(B)/tests/%,$(wildcard tests/models/test_*.c))
MODEL_SRC     := $(wildcard generated/*.c)
RT_MODEL_SRC  := $(filter-out generated/mc_runtime.c,$(MODEL_SRC))
MODEL_SUPPORT := $(wildcard tests/models/support/*.c)
ALL_TESTS     := $(UNIT_TESTS) $(RUNTIME_TESTS) $(MODEL_TESTS)
# Shell tests of whole workflows (build systems, vendoring, schema upgrades);
# each gets MODELC, BUILD (the build folder) and CC in its environment and
# runs from the repo root.
INTEGRATION   := $(sort $(wildcard tests/integration/*.sh))

.PHONY: all deps test-deps modelc regen models tests check test sanitize valgrind \
        check-generated check-integration check-clang check-portable check-runtime conformance fuzz bench install uninstall clean
.DELETE_ON_ERROR:

# Each step is its own make so that later steps see the files earlier ones wrote.
all: deps
	@$(MAKE) --no-print-directory modelc
	@$(MAKE) --no-print-directory regen
	@$(MAKE) --no-print-directory models

deps:
	@sh mk/deps.sh $(BUILD_PKGS) $(TEST_PKGS)

modelc: $(B)/modelc

$(B)/modelc: $(GEN_OBJ) $(B)/gen/embedded.o
	$(CC) $(OPT) $(LDFLAGS_SAN) -o $@ $^ -lyaml -lm

$(B)/gen/%.o: generator/%.c $(wildcard generator/*.h) VERSION
	@mkdir -p $(dir $@)
	$(CC) $(GEN_CFLAGS) -DMODELC_VERSION='"$(VERSION)"' -c -o $@ $<

$(B)/embed: generator/tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) -O1 -o $@ $<

$(B)/embedded.c: $(B)/embed $(TEMPLATES) $(RUNTIME)
	$(B)/embed $@ $(foreach f,$(TEMPLATES) $(RUNTIME),$(f)=$(f))

$(B)/gen/embedded.o: $(B)/embedded.c generator/embedded.h
	@mkdir -p $(dir $@)
	$(CC) $(GEN_CFLAGS) -c -o $@ $<

# Regenerate the committed models; modelc rewrites only files whose bytes change.
regen: $(B)/modelc
	$(B)/modelc -o generated $(SCHEMAS)

models: $(B)/libmodels.a $(B)/quickstart $(if $(wildcard examples/certtask.c),$(B)/certtask)

# README's example, compiled and run by make test so it stays true.
$(B)/quickstart: examples/quickstart.c $(B)/libmodels.a
	$(CC) $(RT_CFLAGS) -Igenerated -o $@ $< $(B)/libmodels.a $(LDFLAGS_SAN)

# The example program: CertificationTask JSON in, JSON out (README shows it).
$(B)/certtask: examples/certtask.c $(B)/libmodels.a
	$(CC) $(RT_CFLAGS) -Igenerated -o $@ $< $(B)/libmodels.a $(LDFLAGS_SAN)

$(B)/libmodels.a: $(patsubst generated/%.c,$(B)/models/%.o,$(MODEL_SRC))
	rm -f $@
	ar rcs $@ $^

$(B)/models/%.o: generated/%.c $(wildcard generated/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(RT_CFLAGS) -Igenerated -c -o $@ $<

# ---- tests ---------------------------------------------------------------

$(B)/tests/test_%: tests/unit/test_%.c $(GEN_LIB_OBJ) $(wildcard tests/unit/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(GEN_CFLAGS) -Itests/unit -o $@ $< $(GEN_LIB_OBJ) $(LDFLAGS_SAN) -lyaml -lcmocka -lm

# Runtime tests compile runtime/mc_runtime.c as it is, with the generated
# CertificationTask models (their tables) on top.
$(B)/tests/test_%: tests/runtime/test_%.c $(RUNTIME) $(RT_MODEL_SRC) $(wildcard generated/*.h tests/runtime/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(OPT) -D_POSIX_C_SOURCE=200809L -Iruntime -Igenerated \
	    -o $@ $< runtime/mc_runtime.c $(RT_MODEL_SRC) $(LDFLAGS_SAN) -lcmocka -lm

$(B)/tests/test_%: tests/models/test_%.c $(MODEL_SRC) $(wildcard generated/*.h) $(MODEL_SUPPORT)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(OPT) -D_POSIX_C_SOURCE=200809L -Igenerated -Itests/models/support \
	    -o $@ $< $(MODEL_SRC) $(MODEL_SUPPORT) $(LDFLAGS_SAN) -lcmocka -lfyaml -lm

tests: $(ALL_TESTS) $(B)/modelc

# Runs every test binary once; RUN_WRAP puts valgrind in front.
check: tests
	@sh tests/run.sh "$(RUN_WRAP)" $(ALL_TESTS)

sanitize:
	@$(MAKE) --no-print-directory B=build/asan SAN=1 check

VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible
valgrind:
	@$(MAKE) --no-print-directory OPT='-O1 -g' B=build/valgrind check RUN_WRAP='$(VALGRIND)'

# generated/ must be what modelc makes of schema/ today.
check-generated: $(B)/modelc
	$(B)/modelc --check -o generated $(SCHEMAS)

check-integration: $(B)/modelc models
	@MODELC=$(abspath $(B)/modelc) BUILD=$(B) CC=$(CC) sh tests/run.sh "" $(INTEGRATION)

# The runtime's scanning has three forms: SSE2 (x86-64), 8-byte words (SWAR,
# other little-endian targets) and a byte loop (the rest). The runtime and
# model tests run against the two this machine would not pick.
check-portable:
	@$(MAKE) --no-print-directory B=build/swar OPT='-O2 -g -DMC_NO_SSE2' check-runtime
	@$(MAKE) --no-print-directory B=build/noswar OPT='-O2 -g -DMC_NO_SWAR' check-runtime

check-runtime: $(RUNTIME_TESTS) $(MODEL_TESTS)
	@sh tests/run.sh "" $(RUNTIME_TESTS) $(MODEL_TESTS)

# modelc, the runtime and every test program also build warning-free with clang.
check-clang:
	@$(MAKE) --no-print-directory CC=clang B=build/clang tests models

# The suite: generated/ up to date, the plain build, the workflows, a clang
# build, then ASan+UBSan, then valgrind.
test: test-deps
	@$(MAKE) --no-print-directory check-generated
	@$(MAKE) --no-print-directory check
	@$(MAKE) --no-print-directory check-integration
	@$(MAKE) --no-print-directory check-clang
	@$(MAKE) --no-print-directory check-portable
	@$(MAKE) --no-print-directory sanitize
	@$(MAKE) --no-print-directory valgrind

test-deps:
	@sh mk/deps.sh $(BUILD_PKGS) $(TEST_PKGS)

bench: all
	$(MAKE) -C bench

# The mustache spec suite, when ../shared is there (make test does not need it).
MUSTACHE_SPEC ?= ../shared/conformance/mustache-spec
conformance: $(B)/modelc
	sh tests/conformance/run-mustache-spec.sh $(B)/modelc $(MUSTACHE_SPEC)

# Coverage-guided fuzzing of the decoder and the schema front end (clang
# libFuzzer + ASan/UBSan); FUZZ_TIME seconds per target.  Not part of make test.
FUZZ_TIME ?= 300
fuzz: all
	$(MAKE) -C fuzz run FUZZ_TIME=$(FUZZ_TIME)

install: $(B)/modelc
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/modelc
	install -m 755 $(B)/modelc $(DESTDIR)$(PREFIX)/bin/modelc
	install -m 644 mk/modelc.mk mk/modelc.cmake $(DESTDIR)$(PREFIX)/share/modelc/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/modelc
	rm -rf $(DESTDIR)$(PREFIX)/share/modelc

clean:
	rm -rf build
