# SPDX-License-Identifier: MIT
#
# Tern: a Kconfig-driven kernel framework for RISC-V.  'make help' lists
# the targets.  Sources are read from this folder; everything built goes to
# O=<dir> when given (the source tree is then left untouched), else here.
VERSION = 0
PATCHLEVEL = 1
SUBLEVEL = 0
KERNELVERSION = $(VERSION).$(PATCHLEVEL).$(SUBLEVEL)

MAKEFLAGS += -rR --no-print-directory
export LC_ALL := C
export PYTHONDONTWRITEBYTECODE := 1

# V=1 prints every command in full; the default is one line per step;
# make -s prints nothing but warnings and errors.  (make 4 keeps the
# one-letter options in the first word of MAKEFLAGS.)
ifeq ("$(origin V)", "command line")
KBUILD_VERBOSE := $(V)
endif
ifeq ($(KBUILD_VERBOSE),1)
quiet :=
Q :=
else
quiet := quiet_
Q := @
endif
ifneq ($(findstring s,$(firstword -$(MAKEFLAGS))),)
quiet := silent_
Q := @
KBUILD_VERBOSE := 0
endif
export quiet Q KBUILD_VERBOSE

# Tern is RISC-V only; the ISA width is a configuration choice (rv32 or
# rv64), not an ARCH.  Say so rather than build riscv under another name.
ifneq ($(ARCH),)
ifneq ($(ARCH),riscv)
$(error ARCH=$(ARCH) (from the $(origin ARCH)): Tern builds only ARCH=riscv; \
	pick rv32 or rv64 with a defconfig, e.g. qemu_virt32_defconfig)
endif
endif

srctree := .
ifneq ($(O),)
objtree := $(abspath $(O))
$(shell mkdir -p $(objtree))
else
objtree := $(CURDIR)
endif
export srctree objtree KERNELVERSION

KBUILD_DEFCONFIG := qemu_virt_defconfig
KCONFIG_CONFIG := $(objtree)/.config
export KCONFIG_CONFIG

PHONY := __all
__all: all

include $(srctree)/scripts/Kbuild.include

# ---------------------------------------------------------------------------
# Host tools.  Kconfiglib is Debian's python3-kconfiglib, importable by the
# system interpreter; a python3 earlier on PATH may not see it.  tags and
# cscope need their indexers too, installed only when asked for.
no-tools-goals := help clean mrproper distclean kernelversion checkdocs
ifneq ($(filter-out $(no-tools-goals),$(or $(MAKECMDGOALS),all)),)
ifeq ($(MAKELEVEL),0)
tools-status := $(shell $(srctree)/scripts/install-deps.sh \
	$(filter tags cscope,$(MAKECMDGOALS)) >&2 && echo ok)
ifneq ($(tools-status),ok)
$(error missing build tools: see the messages above)
endif
endif
endif
PYTHON ?= $(shell for p in /usr/bin/python3 python3; do \
	$$p -c 'import kconfiglib' 2>/dev/null && { echo $$p; break; }; done)
KCONFIG = $(PYTHON) $(srctree)/scripts/kconfig/tkconfig.py
export PYTHON

CROSS_COMPILE ?= riscv64-unknown-elf-
CC      = $(CROSS_COMPILE)gcc
CPP     = $(CC) -E
LD      = $(CROSS_COMPILE)ld
AR      = $(CROSS_COMPILE)ar
NM      = $(CROSS_COMPILE)nm
OBJCOPY = $(CROSS_COMPILE)objcopy
OBJDUMP = $(CROSS_COMPILE)objdump
HOSTCC  = gcc
export CROSS_COMPILE CC CPP LD AR NM OBJCOPY OBJDUMP HOSTCC

# ---------------------------------------------------------------------------
# Configuration targets, and goals that mix them with build goals
# ("make qemu_virt_defconfig debug.config all" configures, then builds).
config-goals := $(filter %config %_defconfig checkdefconfigs checkkconfig, $(MAKECMDGOALS))
build-goals  := $(filter-out $(config-goals), $(MAKECMDGOALS))
no-dot-config-goals := help clean mrproper distclean kernelversion tags cscope \
		       checkdocs test hosttests bench bench-kernel sizes

ifneq ($(config-goals),)
ifneq ($(build-goals),)
mixed-goals := 1
endif
endif

ifdef mixed-goals
PHONY += __mixed
__all $(MAKECMDGOALS): __mixed
	@:
__mixed:
	$(Q)$(MAKE) $(config-goals)
	$(Q)$(MAKE) $(build-goals)
else ifneq ($(config-goals),)
include $(srctree)/scripts/kconfig/Makefile
else

# ---------------------------------------------------------------------------
# Build targets

ifeq ($(filter $(no-dot-config-goals),$(MAKECMDGOALS)),)
need-config := 1
endif
ifeq ($(MAKECMDGOALS),)
need-config := 1
endif

ifdef need-config
-include $(objtree)/include/config/auto.conf
-include $(objtree)/include/config/auto.conf.cmd

# No .config yet: start from the default board, and say so.
$(KCONFIG_CONFIG):
	@$(kecho) "  CONFIG  no .config in $(objtree): using configs/$(KBUILD_DEFCONFIG)"
	$(Q)$(KCONFIG) defconfig $(srctree)/configs/$(KBUILD_DEFCONFIG)

# .config or any Kconfig file changed: regenerate the build's view of it.
# auto.conf.cmd (written by syncconfig) adds every Kconfig file as a
# prerequisite.  The stamp keeps make from re-running it needlessly.
$(objtree)/include/config/auto.conf: $(KCONFIG_CONFIG)
	$(Q)$(KCONFIG) syncconfig
	$(Q)touch $@
endif

# Directories whose built-in.a make up vmlinux.
vmlinux-dirs := arch/riscv kernel mm block fs drivers lib usr

include $(srctree)/arch/riscv/Makefile

# The build folder's generated headers come first, so an in-tree build's
# include/generated never shadows those of an O= build.
KBUILD_CPPFLAGS := -nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-I$(objtree)/include -I$(srctree)/include -I$(srctree)/arch/riscv/include \
	-include $(srctree)/include/tern/kconfig.h $(arch-cppflags)
KBUILD_CFLAGS := -std=gnu11 -ffreestanding -fno-builtin -fno-common -fno-pic \
	-fno-stack-protector -fno-omit-frame-pointer -fno-optimize-sibling-calls \
	-fno-strict-aliasing \
	-Wall -Wextra -Werror -Wno-unused-parameter -Wstrict-prototypes \
	-Wmissing-prototypes -Wundef $(arch-cflags)
KBUILD_CFLAGS += $(if $(CONFIG_CC_OPTIMIZE_FOR_SIZE),-Os,-O2)
KBUILD_CFLAGS += $(if $(CONFIG_DEBUG_INFO),-g)
# Extra flags from the command line, as in Linux: make KCFLAGS=...
KBUILD_CFLAGS += $(KCFLAGS)
include $(srctree)/scripts/Makefile.extrawarn
KBUILD_AFLAGS := $(arch-cflags) $(if $(CONFIG_DEBUG_INFO),-g)
KBUILD_LDFLAGS := $(arch-ldflags) --no-warn-rwx-segments
export KBUILD_CPPFLAGS KBUILD_CFLAGS KBUILD_AFLAGS KBUILD_LDFLAGS

vmlinux-libs := $(addprefix $(objtree)/,$(addsuffix /built-in.a,$(vmlinux-dirs)))
vmlinux-lds  := $(objtree)/arch/riscv/kernel/vmlinux.lds

PHONY += all vmlinux Image prepare $(vmlinux-dirs)
all: vmlinux $(objtree)/arch/riscv/boot/Image $(arch-all)
Image: $(objtree)/arch/riscv/boot/Image

# Generated before anything compiles.
prepare: $(objtree)/include/config/auto.conf $(objtree)/scripts/basic/fixdep \
	 $(objtree)/include/generated/utsrelease.h

quiet_cmd_host_fixdep = HOSTCC  $(quiet-target)
      cmd_host_fixdep = $(HOSTCC) -O2 -Wall -Wextra -Werror -o $@ $<
$(objtree)/scripts/basic/fixdep: $(srctree)/scripts/basic/fixdep.c
	$(Q)mkdir -p $(dir $@)
	$(call cmd,host_fixdep)

define filechk_utsrelease
	echo '#define TERN_RELEASE "$(KERNELVERSION)$(patsubst "%",%,$(CONFIG_LOCALVERSION))"'; \
	echo '#define TERN_COMPILER "$(shell $(CC) --version | head -n 1)"'
endef
$(objtree)/include/generated/utsrelease.h: $(objtree)/include/config/auto.conf FORCE
	$(call filechk,utsrelease)

$(vmlinux-dirs): prepare
	$(Q)$(MAKE) $(build)=$@

# The linker script comes from arch/riscv/kernel's directory build.
$(vmlinux-lds): arch/riscv ;
$(vmlinux-libs): $(objtree)/%/built-in.a: % ;

# vmlinux: linked twice so the symbol table for backtraces can describe
# the final addresses (scripts/link-vmlinux.sh).
quiet_cmd_link_vmlinux = LD      $(quiet-target)
      cmd_link_vmlinux = $(srctree)/scripts/link-vmlinux.sh $@ $(vmlinux-lds) \
			 "$(CONFIG_KALLSYMS)" $(vmlinux-libs)
vmlinux: $(objtree)/vmlinux
$(objtree)/vmlinux: $(vmlinux-libs) $(vmlinux-lds) $(srctree)/scripts/link-vmlinux.sh \
		    $(srctree)/scripts/gen_ksyms.py FORCE
	$(call if_changed,link_vmlinux)

$(objtree)/arch/riscv/boot/Image: $(objtree)/vmlinux FORCE
	$(Q)$(MAKE) $(build)=arch/riscv/boot $@

-include $(objtree)/.vmlinux.cmd

# ---------------------------------------------------------------------------
# Single targets, as in Linux: "make kernel/main.o" (or .s: the compiler's
# assembly, .i: the preprocessed source, .lds) builds that one file with its
# directory's flags; "make kernel/" builds the directory's built-in.a.  Both
# configure and prepare first if needed.  The goals of one directory go to
# one sub-make of scripts/Makefile.build.
single-goals := $(filter %.o %.s %.i %.lds %/,$(MAKECMDGOALS))
ifneq ($(single-goals),)
single-dir = $(patsubst %/,%,$(dir $(patsubst ./%,%,$(1))))
single-dirs := $(sort $(foreach g,$(single-goals),$(call single-dir,$(g))))
single-bad := $(filter-out $(vmlinux-dirs) $(addsuffix /%,$(vmlinux-dirs)),$(single-dirs))
ifneq ($(single-bad),)
$(error make $(single-goals): $(single-bad) is not a kernel source directory; \
	single targets are <dir>/<file>.o|.s|.i|.lds or <dir>/, in $(vmlinux-dirs))
endif
# The goals of directory $(1), as Makefile.build names them.
single-goals-in = $(foreach g,$(single-goals),$(if $(filter $(1),$(call single-dir,$(g))),\
	$(if $(filter %/,$(g)),__build,$(objtree)/$(1)/$(notdir $(g)))))

PHONY += $(single-goals) $(addprefix __single/,$(single-dirs))
$(foreach g,$(single-goals),$(eval $(g): __single/$(call single-dir,$(g)) ; @:))
$(addprefix __single/,$(single-dirs)): __single/%: prepare FORCE
	$(Q)$(MAKE) $(build)=$* $(sort $(call single-goals-in,$*))
endif

# ---------------------------------------------------------------------------
# Running, debugging, testing

QEMU_CMD = $(srctree)/scripts/qemu-cmd.sh

PHONY += run debug check test hosttests bench bench-kernel sizes
run: all
	$(Q)$(QEMU_CMD) run "$(BOOTARGS)"

debug: all
	$(Q)$(QEMU_CMD) debug "$(BOOTARGS)"

check: all
	$(Q)$(srctree)/scripts/ktest-boot.sh "$(objtree)" "$(if $(KTEST),ktest=$(KTEST),ktest) $(BOOTARGS)"

hosttests:
	$(Q)$(MAKE) -C tests run B=$(objtree)/build/tests

test:
	$(Q)$(srctree)/scripts/test.sh "$(objtree)/build/test"

bench:
	$(Q)$(srctree)/scripts/bench.sh "$(objtree)/build/bench"

bench-kernel:
	$(Q)$(srctree)/scripts/bench-kernel.sh "$(objtree)/build/bench-kernel"

sizes:
	$(Q)$(srctree)/scripts/sizes.sh "$(objtree)/build/sizes"

PHONY += compile_commands.json
compile_commands.json: all
	$(Q)$(PYTHON) $(srctree)/scripts/gen_compile_commands.py $(objtree) > $(objtree)/$@
	@$(kecho) '  GEN     compile_commands.json'

endif # config-goals

# ---------------------------------------------------------------------------
# Goals that need no configuration

# Indexes of the kernel's sources, written to the build folder.
quiet_cmd_tags = GEN     $@
      cmd_tags = $(srctree)/scripts/tags.sh $@ $(objtree)

PHONY += tags cscope
tags cscope:
	$(call cmd,tags)

PHONY += kernelversion checkdocs
kernelversion:
	@echo $(KERNELVERSION)

checkdocs:
	$(Q)$(srctree)/scripts/check-docs.sh

# clean: build outputs; mrproper: also the configuration and everything
# generated; distclean: also editor backups and patch leftovers.  As in
# Linux, each works in the build folder: the source tree for in-tree builds.
# .git is never entered.
clean-find = find . -name .git -prune -o \( $(1) \) -type f -print0 | xargs -0r rm -f

PHONY += clean mrproper distclean help
clean:
	$(Q)if [ -d "$(objtree)" ]; then cd $(objtree) && \
		{ find . -name userprogs.bins -exec cat {} + | xargs -r rm -f; \
		  $(call clean-find,-name userprogs.bins -o -name userprogs.list); } && \
		$(call clean-find,-name '*.o' -o -name '*.a' -o -name '.*.cmd' -o -name '.*.d' \
		-o -name '*.lds' -o -name '*.dtb' -o -name '*.s' -o -name '*.i' \
		-o -name '*.tmp' -o -name '*.uexe') && \
		rm -f vmlinux .tmp_vmlinux* System.map arch/riscv/boot/Image *.log \
		arch/riscv/firmware/tern-fw.* usr/initramfs.cpio && rm -rf rootfs; fi

mrproper: clean
	$(Q)cd $(objtree) && rm -rf .config .config.old defconfig include/config \
		include/generated scripts/basic/fixdep compile_commands.json build/test \
		build/tests build/bench build/bench-kernel tags cscope.files cscope.out cscope.out.in cscope.out.po

distclean: mrproper
	$(Q)cd $(objtree) && $(call clean-find,-name '*.orig' -o -name '*.rej' \
		-o -name '*~' -o -name '*.bak' -o -name '#*#')

help:
	@$(srctree)/scripts/help.sh

PHONY += FORCE
FORCE:

.PHONY: $(PHONY)
