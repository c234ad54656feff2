#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Read `nm -n vmlinux` on stdin; write the kallsyms table as assembly.

Only text symbols (t/T) are kept: they are what backtraces name, and they
do not move when the table itself is added after the code.  Layout
(kernel/kallsyms.c reads it):
    ksyms_count:   .quad N
    ksyms_addrs:   N addresses (unsigned long), ascending
    ksyms_names:   N offsets (.word) into ksyms_strings
    ksyms_strings: NUL-terminated names
"""
import sys


def main():
    syms = []
    for line in sys.stdin:
        parts = line.split()
        if len(parts) != 3 or parts[1] not in "tT":
            continue
        addr, name = int(parts[0], 16), parts[2]
        if name.startswith((".L", "$")):
            continue
        syms.append((addr, name))
    syms.sort()
    # The output is preprocessed (.S): pick the pointer width there.
    ptr = "KSYM_PTR"
    out = ["#if __riscv_xlen == 64", "#define KSYM_PTR .dword", "#else",
           "#define KSYM_PTR .word", "#endif",
           '\t.section .ksyms, "a"', "\t.balign 8",
           "\t.globl ksyms_count, ksyms_addrs, ksyms_names, ksyms_strings",
           "ksyms_count:", "\t.quad %d" % len(syms),
           "ksyms_addrs:"]
    out += ["\t.balign 8"]
    out += ["\t%s 0x%x" % (ptr, a) for a, _ in syms]
    out += ["\t.balign 4", "ksyms_names:"]
    offset = 0
    for _, name in syms:
        out.append("\t.word %d" % offset)
        offset += len(name) + 1
    out += ["ksyms_strings:"]
    out += ['\t.asciz "%s"' % name for _, name in syms]
    print("\n".join(out))


if __name__ == "__main__":
    main()
