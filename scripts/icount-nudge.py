#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Keeps QEMU 7.2's -icount round robin from starving a hart.

    icount-nudge.py <monitor socket> [period seconds]

With -icount, QEMU runs every hart on one host thread, in turn.  When one
hart spins on a spinlock with interrupts off while the hart that holds
the lock is between turns, QEMU 7.2 can keep running the spinner and
never give the holder its turn again: the guest stops making progress
for good, though nothing in it is wrong (seen in the threads ktest: the
spinning hart's lock holder kept one pc for minutes).  Stopping and
continuing the machine from the monitor starts the round robin afresh,
and the holder runs.  Guest time stands still while the machine is
stopped (-icount), so the guest sees nothing of it.

qemu-cmd.sh starts this next to QEMU for -icount boots of more than one
hart: it connects to QEMU's monitor socket, sends "stop" and "cont"
every period (default 2 s), and exits when QEMU closes the socket,
removing it.
"""
import os
import socket
import sys
import time


def connect(path, wait=10.0):
    """The monitor connection, or None if QEMU never opened the socket."""
    end = time.monotonic() + wait
    while time.monotonic() < end:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            s.connect(path)
            return s
        except OSError:
            s.close()
            time.sleep(0.05)
    return None


def drain(s):
    """Reads what the monitor said; False once QEMU has closed it."""
    s.setblocking(False)
    try:
        while True:
            data = s.recv(65536)
            if not data:
                return False
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        s.setblocking(True)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: icount-nudge.py <monitor socket> [period seconds]")
    path = sys.argv[1]
    period = float(sys.argv[2]) if len(sys.argv) == 3 else 2.0
    s = connect(path)
    try:
        while s is not None:
            time.sleep(period)
            if not drain(s):
                break
            s.sendall(b"stop\ncont\n")
    except OSError:
        pass
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass


if __name__ == "__main__":
    main()
