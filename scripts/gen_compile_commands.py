#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Write compile_commands.json for a build folder from its .*.o.cmd files.

Each .cmd file (written by scripts/basic/fixdep) starts with
    savedcmd_<object> := <the compiler command>
and the source is the last word of that command.  Paths in the commands
are relative to the source tree, which is the directory entries name.
"""
import json
import os
import re
import sys

SAVED = re.compile(r"^savedcmd_(\S+) := (.*)$")


def unescape(cmd):
    """Undo the make escaping of Kbuild.include's make-cmd."""
    return cmd.replace("$(pound)", "#").replace("$$", "$")


def main():
    objtree = sys.argv[1] if len(sys.argv) > 1 else "."
    srctree = os.path.abspath(os.environ.get("srctree", "."))
    entries = []
    for root, _, files in os.walk(objtree):
        for name in sorted(files):
            if not (name.startswith(".") and name.endswith(".o.cmd")):
                continue
            with open(os.path.join(root, name)) as f:
                m = SAVED.match(f.readline().rstrip("\n"))
            if not m:
                continue
            cmd = unescape(m.group(2))
            source = cmd.split()[-1]
            if not source.endswith((".c", ".S")):
                continue
            entries.append({"directory": srctree, "file": os.path.join(srctree, source),
                            "output": m.group(1), "command": cmd})
    entries.sort(key=lambda e: e["file"])
    json.dump(entries, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
