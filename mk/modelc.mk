# modelc.mk - regenerate C models from OpenAPI schemas at build time.
#
# Installed as $(PREFIX)/share/modelc/modelc.mk.  Set these, then include it:
#
#   MODELC_SCHEMAS  the schema files to compile (required)
#   MODELC_OUT      output folder (default: models)
#   MODELC_FLAGS    more modelc options, e.g. --prefix app --templates tpl
#   MODELC          the modelc command (default: modelc)
#
# It defines MODELC_OUTPUTS (every generated file), MODELC_SOURCES (the .c
# files to compile and link) and MODELC_HEADERS, and a rule that reruns
# modelc when any schema or template it read changes: the dependency file
# modelc writes lists every file it read, including schemas reached through
# $ref and --templates overrides.  modelc rewrites only files whose bytes
# change, so after a touch or an unrelated edit nothing is recompiled.
#
# Example:
#   MODELC_SCHEMAS := schema/Pet.yaml
#   include /usr/local/share/modelc/modelc.mk
#   CFLAGS += -I$(MODELC_OUT)
#   app: main.o $(MODELC_SOURCES:.c=.o)
#   main.o: $(MODELC_HEADERS)

# Including this file must not change the including Makefile's default goal.
MODELC_SAVED_GOAL_ := $(.DEFAULT_GOAL)

MODELC ?= modelc
MODELC_OUT ?= models
MODELC_FLAGS ?=
MODELC_STAMP := $(MODELC_OUT)/.modelc-stamp
MODELC_DEPFILE := $(MODELC_OUT)/.modelc.d
MODELC_OUTPUTS := $(shell $(MODELC) --list-outputs -o $(MODELC_OUT) $(MODELC_FLAGS) $(MODELC_SCHEMAS))
MODELC_SOURCES := $(filter %.c,$(MODELC_OUTPUTS))
MODELC_HEADERS := $(filter %.h,$(MODELC_OUTPUTS))

$(MODELC_STAMP): $(MODELC_SCHEMAS)
	$(MODELC) -o $(MODELC_OUT) --depfile $(MODELC_DEPFILE) --depfile-target $@ \
	    $(MODELC_FLAGS) $(MODELC_SCHEMAS)
	@touch $@

# The outputs are brought up to date by the stamp's rule; make looks at
# their timestamps again afterwards, so only changed files count as new.
$(MODELC_OUTPUTS): $(MODELC_STAMP) ;

-include $(MODELC_DEPFILE)

.DEFAULT_GOAL := $(MODELC_SAVED_GOAL_)
