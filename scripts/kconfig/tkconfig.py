#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Tern's configuration front end, on Kconfiglib's API.

Usage: tkconfig.py <command> [args]   (run from the source tree)

Environment: KCONFIG_CONFIG (the .config path), objtree (build folder),
KCONFIG_SEED (randconfig), KCONFIG_WERROR=1 (unmet requests are errors),
KCONFIG_ALLCONFIG (values forced in all*config and randconfig, as in Linux),
quiet=silent_ (make -s: print nothing but warnings and errors).

Commands, with Linux's meaning:
  defconfig FILE [FRAGMENT...]  start from FILE, merge fragments, write .config
  merge FRAGMENT...             merge fragments into the existing .config
  syncconfig                    .config -> autoconf.h, auto.conf, stamps
  oldconfig | olddefconfig | menuconfig | savedefconfig | listnewconfig
  allnoconfig | allyesconfig | alldefconfig | randconfig
  checkdefconfigs FILE...       fail unless each is what savedefconfig writes
  checkhelp                     fail if a symbol or choice has no help text
  toggles                       list the one-symbol changes to .config that
                                Kconfig allows: "NAME y|n [OLD]" per line, OLD
                                the choice member it replaces (make sizes)
"""
import os
import random
import re
import sys
import tempfile

import kconfiglib
from kconfiglib import (BOOL, Choice, Symbol, TRISTATE, TRI_TO_STR,
                        expr_str, expr_items)

ASSIGN_RE = re.compile(r"^CONFIG_([A-Za-z0-9_]+)=(.*)$")
UNSET_RE = re.compile(r"^# CONFIG_([A-Za-z0-9_]+) is not set$")


def objpath(name):
    return os.path.join(os.environ.get("objtree", "."), name)


def config_path():
    return os.environ.get("KCONFIG_CONFIG", objpath(".config"))


def load_kconfig():
    kconf = kconfiglib.Kconfig("Kconfig", warn_to_stderr=False)
    # We report unmet requests ourselves, one clear line per symbol.
    kconf.warn_assign_override = False
    kconf.warn_assign_redun = False
    kconf.warn_assign_undef = False
    for warning in kconf.warnings:
        print("Kconfig warning: " + warning, file=sys.stderr)
    return kconf


def short(path):
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def say(text):
    """A progress line; make -s silences it (warnings go to stderr)."""
    if os.environ.get("quiet") != "silent_":
        print(text, flush=True)


# --------------------------------------------------------------------------
# Requests that Kconfig did not grant

def requests(path):
    """Yield (symbol name, value asked, 'file:line') for each assignment."""
    with open(path) as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            m = ASSIGN_RE.match(line)
            if m:
                yield m.group(1), m.group(2).strip('"'), "%s:%d" % (short(path), lineno)
                continue
            m = UNSET_RE.match(line)
            if m:
                yield m.group(1), "n", "%s:%d" % (short(path), lineno)


def dep_values(kconf, expr):
    """'A=y, B=n' for the symbols an expression mentions."""
    names = []
    for item in expr_items(expr):
        if isinstance(item, Symbol) and not item.is_constant and item.name not in names \
                and item.name in kconf.syms:
            names.append(item.name)
    return ", ".join("%s=%s" % (n, kconf.syms[n].str_value) for n in names)


def dep_str(expr):
    """A dependency as text, without the '<choice>' that choice members carry."""
    return expr_str(expr).replace(" && <choice>", "").replace("<choice> && ", "")


def why_not(kconf, sym, asked):
    """One phrase saying why sym did not take the value asked."""
    if not sym.nodes:
        return "not defined by any Kconfig file"
    if sym.orig_type in (BOOL, TRISTATE):
        if asked == "n" and sym.rev_dep is not kconf.n and kconfiglib.expr_value(sym.rev_dep):
            return "selected by %s (%s)" % (expr_str(sym.rev_dep), dep_values(kconf, sym.rev_dep))
        if asked != "n":
            if not any(node.prompt for node in sym.nodes):
                how = "select"
                if sym.rev_dep is not kconf.n:
                    how = "select (by %s)" % dep_str(sym.rev_dep)
                return "has no prompt: it is only set by %s or its default" % how
            if kconfiglib.expr_value(sym.direct_dep) == 0:
                return "unmet dependency: %s (%s)" % (dep_str(sym.direct_dep),
                                                        dep_values(kconf, sym.direct_dep))
            if sym.choice and sym.choice.selection is not sym:
                sel = sym.choice.selection
                return "its choice selected CONFIG_%s instead" % (sel.name if sel else "none")
    if not any(node.prompt for node in sym.nodes):
        return "has no prompt: its value comes from defaults only"
    if kconfiglib.expr_value(sym.direct_dep) == 0:
        return "unmet dependency: %s (%s)" % (dep_str(sym.direct_dep),
                                                dep_values(kconf, sym.direct_dep))
    if sym.ranges:
        return range_problem(sym, asked)
    return "rejected by Kconfig"


def range_problem(sym, asked):
    """Why an int or hex value was refused: its active range, or its form."""
    base = 16 if sym.orig_type == kconfiglib.HEX else 10
    low = high = None
    for lo, hi, cond in sym.ranges:
        if kconfiglib.expr_value(cond):
            low, high = lo.str_value, hi.str_value
            break
    try:
        value = int(asked, base)
    except ValueError:
        return "not a valid %s value" % kconfiglib.TYPE_TO_STR[sym.orig_type]
    if low is not None and not int(low, base) <= value <= int(high, base):
        return "outside its allowed range %s..%s" % (low, high)
    return "rejected by Kconfig"


def check_requests(kconf, files):
    """Print one line per symbol whose requested value was not granted."""
    asked = {}
    for path in files:
        for name, value, where in requests(path):
            sym = kconf.syms.get(name)
            if value == "y" and sym is not None and sym.choice:
                # A later member of the same choice overrides an earlier
                # one (a fragment's scheduler over the defconfig's).
                for other in sym.choice.syms:
                    if other is not sym and asked.get(other.name, ("",))[0] == "y":
                        del asked[other.name]
            asked[name] = (value, where)
    problems = 0
    for name, (value, where) in asked.items():
        sym = kconf.syms.get(name)
        got = sym.str_value if sym is not None and sym.nodes else "undefined"
        if sym is not None and sym.nodes and got == value:
            continue
        reason = why_not(kconf, sym, value) if sym is not None else "not defined by any Kconfig file"
        print("warning: %s: CONFIG_%s asked %s, got %s: %s" % (where, name, value, got, reason),
              file=sys.stderr, flush=True)
        problems += 1
    if problems and os.environ.get("KCONFIG_WERROR") == "1":
        sys.exit("error: %d configuration request(s) not granted (KCONFIG_WERROR=1)" % problems)


# --------------------------------------------------------------------------
# Writing

def write_config(kconf, note=None):
    path = config_path()
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    kconf.write_config(path, save_old=True)
    say("  CONFIG  %s%s" % (short(path), " (" + note + ")" if note else ""))


def write_if_changed(path, text):
    try:
        with open(path) as f:
            if f.read() == text:
                return False
    except FileNotFoundError:
        pass
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".tmp", "w") as f:
        f.write(text)
    os.replace(path + ".tmp", path)
    return True


def config_text(kconf):
    fd, tmp = tempfile.mkstemp()
    os.close(fd)
    try:
        kconf.write_config(tmp, save_old=False)
        with open(tmp) as f:
            return f.read()
    finally:
        os.unlink(tmp)


def min_config_text(kconf):
    fd, tmp = tempfile.mkstemp()
    os.close(fd)
    try:
        kconf.write_min_config(tmp)
        with open(tmp) as f:
            return f.read()
    finally:
        os.unlink(tmp)


# --------------------------------------------------------------------------
# Commands

def check_exists(path):
    if os.path.exists(path):
        return
    name = os.path.basename(path)
    if os.path.basename(os.path.dirname(path)) == "fragments":
        sys.exit("error: %s: no such fragment in configs/fragments/ (see 'make help')"
                 " nor in the source tree; give one elsewhere by its path" % name)
    what = "defconfig (see 'make help')" if name.endswith("defconfig") else "file"
    sys.exit("error: %s: no such %s" % (short(path), what))


def cmd_defconfig(args):
    if not args:
        sys.exit("usage: defconfig FILE [FRAGMENT...]")
    for path in args:
        check_exists(path)
    kconf = load_kconfig()
    kconf.load_config(args[0])
    for frag in args[1:]:
        kconf.load_config(frag, replace=False)
    check_requests(kconf, args)
    write_config(kconf, "from " + ", ".join(os.path.basename(a) for a in args))


def cmd_merge(args):
    if not os.path.exists(config_path()):
        sys.exit("error: no %s to merge %s into: run 'make <board>_defconfig %s' instead"
                 % (short(config_path()), " ".join(os.path.basename(a) for a in args),
                    " ".join(os.path.basename(a) for a in args)))
    kconf = load_kconfig()
    kconf.load_config(config_path())
    for frag in args:
        check_exists(frag)
        kconf.load_config(frag, replace=False)
    check_requests(kconf, args)
    write_config(kconf, "merged " + ", ".join(os.path.basename(a) for a in args))


def cmd_syncconfig(args):
    """Generate the build's view of .config.  If Kconfig gained or lost
    symbols, .config is rewritten with defaults for the new ones, and the old
    file is kept as .config.old, so nothing chosen in menuconfig is lost."""
    kconf = load_kconfig()
    path = config_path()
    kconf.load_config(path)
    new_text = config_text(kconf)
    with open(path) as f:
        old_text = f.read()
    if new_text != old_text:
        new = [s.name for s in kconf.unique_defined_syms
               if s.visibility and s.config_string and s.user_value is None]
        os.replace(path, path + ".old")
        with open(path, "w") as f:
            f.write(new_text)
        say("  CONFIG  %s updated for the changed Kconfig%s; previous in .config.old"
            % (short(path), " (new: " + " ".join(new[:8]) + ("..." if len(new) > 8 else "") + ")"
               if new else ""))
    os.makedirs(objpath("include/generated"), exist_ok=True)
    kconf.write_autoconf(objpath("include/generated/autoconf.h"))
    kconf.sync_deps(objpath("include/config"))
    deps = "".join("  %s \\\n" % f for f in kconf.kconfig_filenames)
    write_if_changed(objpath("include/config/auto.conf.cmd"),
                     "deps_config := \\\n%s\n$(objtree)/include/config/auto.conf: $(deps_config)\n\n"
                     "$(deps_config): ;\n" % deps)


def cmd_olddefconfig(args):
    """Also explains each value of .config (an edit by hand or by
    scripts/config) that Kconfig did not keep."""
    kconf = load_kconfig()
    kconf.load_config(config_path())
    check_requests(kconf, [config_path()])
    write_config(kconf)


def cmd_oldconfig(args):
    import oldconfig
    os.environ["KCONFIG_CONFIG"] = config_path()
    sys.argv = ["oldconfig", "Kconfig"]
    oldconfig._main()


def cmd_menuconfig(args):
    import menuconfig
    os.environ["KCONFIG_CONFIG"] = config_path()
    kconf = load_kconfig()
    message = menuconfig.menuconfig(kconf)
    if message:
        print(message)


def cmd_savedefconfig(args):
    kconf = load_kconfig()
    kconf.load_config(config_path())
    out = objpath("defconfig")
    with open(out, "w") as f:
        f.write(min_config_text(kconf))
    say("  CONFIG  %s (minimal; copy it to configs/<board>_defconfig)" % short(out))


def cmd_listnewconfig(args):
    kconf = load_kconfig()
    if os.path.exists(config_path()):
        kconf.load_config(config_path())
    for sym in kconf.unique_defined_syms:
        if sym.visibility and sym.config_string and sym.user_value is None:
            print(sym.config_string, end="")


def allconfig_file(mode):
    """The file of values KCONFIG_ALLCONFIG forces in all<mode>config, or
    None.  As in Linux: a file name (here relative to the source tree);
    or empty or 1 for all<mode>.config, else all.config, in the build
    folder, when one is there."""
    name = os.environ.get("KCONFIG_ALLCONFIG")
    if name is None:
        return None
    if name not in ("", "1"):
        if not os.path.isfile(name):
            sys.exit("error: KCONFIG_ALLCONFIG=%s: no such file" % name)
        return name
    for base in ("all%s.config" % mode, "all.config"):
        if os.path.isfile(objpath(base)):
            return objpath(base)
    return None


def force_allconfig(kconf, path):
    """Apply the KCONFIG_ALLCONFIG values over what the all*config chose."""
    if path:
        kconf.load_config(path, replace=False)
        check_requests(kconf, [path])


def allconfig_note(mode, path):
    return mode + (", KCONFIG_ALLCONFIG=" + short(path) if path else "")


def set_all(kconf, bool_value):
    """allnoconfig / allyesconfig: every visible bool to one value."""
    for sym in kconf.unique_defined_syms:
        if sym.orig_type in (BOOL, TRISTATE) and not sym.choice:
            sym.set_value(2 if sym.is_allnoconfig_y else bool_value)
    # Choices keep their default member: the one the boards test.


def cmd_allnoconfig(args):
    kconf = load_kconfig()
    forced = allconfig_file("no")
    set_all(kconf, 0)
    force_allconfig(kconf, forced)
    write_config(kconf, allconfig_note("allnoconfig", forced))


def cmd_allyesconfig(args):
    kconf = load_kconfig()
    forced = allconfig_file("yes")
    set_all(kconf, 2)
    force_allconfig(kconf, forced)
    write_config(kconf, allconfig_note("allyesconfig", forced))


def cmd_alldefconfig(args):
    kconf = load_kconfig()
    forced = allconfig_file("def")
    force_allconfig(kconf, forced)
    write_config(kconf, allconfig_note("alldefconfig", forced))


def seed_from_env():
    text = os.environ.get("KCONFIG_SEED", "")
    if text:
        try:
            return int(text, 0)
        except ValueError:
            sys.exit("error: KCONFIG_SEED=%s is not a number" % text)
    return int.from_bytes(os.urandom(4), "little")


def cmd_randconfig(args):
    """Random values for every visible bool and choice, reproducible from
    KCONFIG_SEED.  Ints, hexes and strings keep their defaults, as in Linux.
    Kconfig's dependencies make every result a buildable configuration.
    Symbols and choices that KCONFIG_ALLCONFIG sets keep its values."""
    seed = seed_from_env()
    print("KCONFIG_SEED=0x%x" % seed, file=sys.stderr, flush=True)
    rng = random.Random(seed)
    kconf = load_kconfig()
    forced = allconfig_file("random")
    if forced:
        kconf.load_config(forced, replace=False)
    done = set()
    changed = True
    while changed:   # new symbols may become visible after each pass
        changed = False
        for node in kconf.node_iter():
            item = node.item
            if id(item) in done or not isinstance(item, (Symbol, Choice)):
                continue
            if isinstance(item, Symbol) and (item.choice or item.orig_type not in (BOOL, TRISTATE)):
                continue
            if not item.visibility:
                continue
            done.add(id(item))
            changed = True
            if isinstance(item, Choice) and item.user_selection is None:
                members = [s for s in item.syms if s.visibility and s.user_value != 0]
                if members:
                    rng.choice(members).set_value(2)
            elif isinstance(item, Symbol) and item.user_value is None:
                values = [v for v in item.assignable if v != 1]
                if values:
                    item.set_value(rng.choice(values))
    if forced:
        check_requests(kconf, [forced])
    write_config(kconf, allconfig_note("randconfig, KCONFIG_SEED=0x%x" % seed, forced))


def cmd_checkdefconfigs(args):
    bad = 0
    for path in args:
        kconf = load_kconfig()
        kconf.load_config(path)
        want = min_config_text(kconf)
        with open(path) as f:
            have = f.read()
        if want == have:
            say("  OK      %s" % short(path))
            continue
        bad += 1
        print("  FAIL    %s is not what savedefconfig writes; it should read:" % short(path))
        print("".join("            " + line for line in want.splitlines(True)), end="")
        check_requests(kconf, [path])
    if bad:
        sys.exit("error: %d defconfig(s) out of date: run 'make <name>_defconfig savedefconfig'"
                 " and copy defconfig over configs/<name>_defconfig" % bad)


def cmd_checkhelp(args):
    kconf = load_kconfig()
    missing = []
    for item in kconf.unique_defined_syms + kconf.unique_choices:
        if not any(node.help for node in item.nodes):
            name = item.name or (item.nodes[0].prompt[0] if item.nodes[0].prompt else "?")
            missing.append("%s (%s:%d)" % (name, item.nodes[0].filename, item.nodes[0].linenr))
    for m in missing:
        print("error: no help text: " + m, file=sys.stderr)
    if missing:
        sys.exit(1)
    say("  OK      every Kconfig symbol and choice has help text")


def cmd_toggles(args):
    """Each visible bool that may flip, and each choice member not chosen."""
    kconf = load_kconfig()
    kconf.load_config(config_path())
    for sym in kconf.unique_defined_syms:
        if sym.type != BOOL or not sym.visibility or not sym.nodes[0].prompt:
            continue
        if sym.choice:
            old = sym.choice.selection
            if old is not sym and 2 in sym.assignable:
                print(sym.name, "y", old.name if old else "")
            continue
        want = 0 if sym.tri_value == 2 else 2
        if want in sym.assignable:
            print(sym.name, TRI_TO_STR[want])


COMMANDS = {name[4:]: fn for name, fn in globals().items() if name.startswith("cmd_")}


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
