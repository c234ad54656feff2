#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Check that arch/riscv/kernel and the generic kernel meet only at hooks.

    check-layering.py <objtree>      (a built kernel; NM or CROSS_COMPILE
                                      name the nm to use)

Generic code calls down into the architecture through arch_* hooks and
asm/ headers.  Architecture code calls up only into entry points (where
it hands over control: start_kernel, a new CPU's smp_secondary_start, the
trap handlers, the system calls, do_exit for a user fault that kills) and services every layer uses (printk, panic, symbol names,
the command line).  Any other upward call closes a loop through both, and
then neither side can be read, replaced or built without the other.

The graph: object file A -> B when A uses a symbol B defines (nm), over
arch/riscv/kernel and kernel/, tests and benchmarks left out, the
permitted upward calls removed.  Every strongly connected component with
more than one file is printed with the symbols that tie it; the check
fails if one of them holds an arch file.  Cycles among generic files alone
are printed but allowed.
"""
import collections
import os
import re
import subprocess
import sys

DIRS = ("arch/riscv/kernel", "kernel")
ENTRY_POINTS = {
    "start_kernel", "smp_secondary_start", "handle_timer_irq", "handle_external_irq",
    "handle_ipi", "irq_unhandled", "tick_irq_exit", "preempt_on_irq_exit",
    "init_task",    # the boot code runs as it from head.S on
    "do_exit",      # a user fault that kills: the process ends in generic code
    # ... and ends every thread of it (Documentation/threads.md): the out-of-
    # memory kill, and a thread whose group another thread ended.
    "do_group_exit", "thread_exit_pending",
    "cond_resched", # the return to user mode yields when a switch is due
    # Signals (Documentation/signals.md): a user fault raises one, and the
    # way back to user mode hands over to the generic code for the next
    # signal and its state, as Linux's arch code calls get_signal.
    "force_sig_fault", "get_signal", "signal_setup_done", "sigmask_to_save",
    "set_current_blocked", "restore_saved_sigmask", "fill_siginfo", "on_sig_stack",
    "sigsp", "restore_altstack",
}
# The system call table (arch/riscv/kernel/syscall_table.c) hands each
# call over to its generic implementation, as the trap handlers do.
ENTRY_POINT_PREFIXES = ("__riscv_sys_",)
SERVICES = {"kernel/printk.o", "kernel/panic.o", "kernel/kallsyms.o", "kernel/params.o"}
NOT_KERNEL = re.compile(r"(_ktest|_bench|ktest_threads)\.o$|/(ktest|bench|crashtest)\.o$")


def objects(objtree):
    for d in DIRS:
        for root, _, files in os.walk(os.path.join(objtree, d)):
            for f in files:
                rel = os.path.relpath(os.path.join(root, f), objtree)
                if f.endswith(".o") and not NOT_KERNEL.search(rel):
                    yield rel


def symbols(objtree, objs):
    nm = os.environ.get("NM") or os.environ.get("CROSS_COMPILE", "riscv64-unknown-elf-") + "nm"
    defined, used = {}, collections.defaultdict(set)
    for o in objs:
        out = subprocess.run([nm, os.path.join(objtree, o)], capture_output=True, text=True,
                             check=True).stdout
        for line in out.splitlines():
            f = line.split()
            if len(f) == 3 and f[1] in "TDBRGSC":
                defined.setdefault(f[2], o)
            elif len(f) == 2 and f[0] == "U":
                used[o].add(f[1])
    return defined, used


def is_arch(o):
    return o.startswith("arch/")


def graph(objs, defined, used):
    edges = {o: collections.defaultdict(set) for o in objs}
    for o in objs:
        for s in used[o]:
            d = defined.get(s)
            if not d or d == o:
                continue
            if is_arch(o) and not is_arch(d) and (s in ENTRY_POINTS or d in SERVICES or
                                                  s.startswith(ENTRY_POINT_PREFIXES)):
                continue
            edges[o][d].add(s)
    return edges


def cycles(edges):
    """Tarjan's strongly connected components, iteratively."""
    index, low, on_stack, stack, out = {}, {}, set(), [], []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(edges[w]))))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    objtree = sys.argv[1]
    objs = sorted(objects(objtree))
    if not any(is_arch(o) for o in objs):
        sys.exit(f"check-layering: no arch objects under {objtree}: build it first")
    edges = graph(objs, *symbols(objtree, objs))
    bad = 0
    for comp in cycles(edges):
        mixed = any(is_arch(o) for o in comp)
        bad += mixed
        print(f"{'FAIL' if mixed else 'note'}: {len(comp)} files call each other "
              f"round in a loop{' across arch/ and generic code' if mixed else ''}:")
        for a in comp:
            for b in sorted(edges[a]):
                if b in comp:
                    print(f"    {a} -> {b}: {' '.join(sorted(edges[a][b]))}")
    print(f"check-layering: {len(objs)} files, {bad} loop(s) through arch/riscv/kernel")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
