#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Write a seeded corpus of corrupt and odd device trees.

    gen-bad-dtbs.py [--seed N] BASE.dtb OUTDIR

BASE.dtb is a good tree (QEMU's, from -machine dumpdtb=FILE).  OUTDIR gets
one NN-name.dtb per variant and an 'index' file, one line per variant:

    <file> <reader> <what it is>

where <reader> says what lib/fdt.c's fdt_init() must make of the blob when
given exactly the file's bytes: 'ok' (well formed, however odd its
contents), 'bad' (must be refused) or 'any' (random damage: either, as
long as nothing reads outside the blob).

Variants: truncations; damaged header fields; damaged tokens and property
lengths; random bytes flipped in the structure and strings blocks; and
well-formed trees with odd contents (no memory, no UART, disabled harts,
hundreds of reserved ranges, ...).  The same seed and base give the same
corpus.  Python 3 standard library only.
"""
import argparse
import copy
import os
import random
import struct
import sys

FDT_MAGIC = 0xd00dfeed
BEGIN_NODE, END_NODE, PROP, NOP, END = 1, 2, 3, 4, 9
HEADER_SIZE = 40
# Header fields, as byte offsets.
H_MAGIC, H_TOTALSIZE, H_OFF_STRUCT, H_OFF_STRINGS, H_OFF_RSVMAP = 0, 4, 8, 12, 16
H_VERSION, H_LAST_COMP, H_BOOT_CPUID, H_SIZE_STRINGS, H_SIZE_STRUCT = 20, 24, 28, 32, 36
UNMAPPED = 0x200000     # QEMU virt has no device between the RTC and the CLINT


class Node:
    def __init__(self, name, props=None, children=None):
        self.name = name
        self.props = props if props is not None else []    # [name, bytes] pairs
        self.children = children if children is not None else []

    def prop(self, name):
        for p in self.props:
            if p[0] == name:
                return p[1]
        return None

    def set(self, name, value):
        for p in self.props:
            if p[0] == name:
                p[1] = value
                return
        self.props.append([name, value])

    def drop(self, name):
        self.props = [p for p in self.props if p[0] != name]

    def child(self, name):
        for c in self.children:
            if c.name == name or c.name.split('@')[0] == name:
                return c
        raise KeyError(name)

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


class Tree:
    def __init__(self, root, rsvmap, boot_cpuid):
        self.root = root
        self.rsvmap = rsvmap            # [(address, size)]
        self.boot_cpuid = boot_cpuid

    def find(self, path):
        node = self.root
        for comp in path.strip('/').split('/'):
            if comp:
                node = node.child(comp)
        return node

    def parent_of(self, target):
        for n in self.root.walk():
            if target in n.children:
                return n
        return None

    def by_compatible(self, compat):
        want = compat.encode()
        return [n for n in self.root.walk()
                if want in (n.prop('compatible') or b'').split(b'\0')]

    def memory_nodes(self):
        return [n for n in self.root.children if n.prop('device_type') == b'memory\0']

    def cpu_nodes(self):
        return [n for n in self.find('/cpus').children if n.prop('device_type') == b'cpu\0']


def u32(v):
    return struct.pack('>I', v & 0xffffffff)


def cells(values, n):
    """values, each as n big-endian 32-bit cells."""
    out = b''
    for v in values:
        out += b''.join(u32(v >> (32 * (n - 1 - i))) for i in range(n))
    return out


def decode_cells(data, n):
    v = 0
    for i in range(n):
        v = v << 32 | struct.unpack('>I', data[4 * i:4 * i + 4])[0]
    return v


def parse(blob):
    magic, total, off_struct, off_strings, off_rsv, version, _, boot_cpuid, \
        size_strings, size_struct = struct.unpack('>10I', blob[:HEADER_SIZE])
    if magic != FDT_MAGIC or version < 17:
        sys.exit('gen-bad-dtbs.py: the base is not a version 17 DTB')
    rsvmap = []
    off = off_rsv
    while True:
        addr, size = struct.unpack('>QQ', blob[off:off + 16])
        if addr == 0 and size == 0:
            break
        rsvmap.append((addr, size))
        off += 16
    strings = blob[off_strings:off_strings + size_strings]
    st = blob[off_struct:off_struct + size_struct]
    off, stack, root = 0, [], None
    while True:
        tag = struct.unpack('>I', st[off:off + 4])[0]
        off += 4
        if tag == BEGIN_NODE:
            end = st.index(b'\0', off)
            node = Node(st[off:end].decode())
            if stack:
                stack[-1].children.append(node)
            else:
                root = node
            stack.append(node)
            off = (end + 1 + 3) & ~3
        elif tag == END_NODE:
            stack.pop()
        elif tag == PROP:
            length, nameoff = struct.unpack('>II', st[off:off + 8])
            name = strings[nameoff:strings.index(b'\0', nameoff)].decode()
            stack[-1].props.append([name, st[off + 8:off + 8 + length]])
            off = (off + 8 + length + 3) & ~3
        elif tag == NOP:
            pass
        elif tag == END:
            break
        else:
            sys.exit('gen-bad-dtbs.py: bad token %#x in the base DTB' % tag)
    return Tree(root, rsvmap, boot_cpuid)


class Blob:
    """A serialized tree, with the offsets a byte-level variant needs."""

    def __init__(self, tree, omit_end=None, extra_end=None):
        self.prop_at = {}       # (node, prop name) -> struct offset of the PROP token
        self.node_at = {}       # node -> struct offset of its BEGIN_NODE token
        self.end_at = {}        # node -> struct offset of its END_NODE token
        strings, names = bytearray(), {}
        st = bytearray()

        def name_off(name):
            if name not in names:
                names[name] = len(strings)
                strings.extend(name.encode() + b'\0')
            return names[name]

        def pad():
            while len(st) % 4:
                st.append(0)

        def emit(node):
            self.node_at[id(node)] = len(st)
            st.extend(u32(BEGIN_NODE) + node.name.encode() + b'\0')
            pad()
            for name, value in node.props:
                self.prop_at[(id(node), name)] = len(st)
                st.extend(u32(PROP) + u32(len(value)) + u32(name_off(name)) + value)
                pad()
            for c in node.children:
                emit(c)
            if node is not omit_end:
                self.end_at[id(node)] = len(st)
                st.extend(u32(END_NODE))
            if node is extra_end:
                st.extend(u32(END_NODE))

        emit(tree.root)
        st.extend(u32(END))
        rsv = b''.join(struct.pack('>QQ', a, s) for a, s in tree.rsvmap) + bytes(16)
        self.off_rsvmap = HEADER_SIZE
        self.off_struct = HEADER_SIZE + len(rsv)
        self.size_struct = len(st)
        self.off_strings = self.off_struct + len(st)
        self.size_strings = len(strings)
        total = self.off_strings + len(strings)
        header = struct.pack('>10I', FDT_MAGIC, total, self.off_struct, self.off_strings,
                             self.off_rsvmap, 17, 16, tree.boot_cpuid, len(strings), len(st))
        self.data = bytearray(header + rsv + st + strings)

    def put32(self, off, value):
        self.data[off:off + 4] = u32(value)

    def get32(self, off):
        return struct.unpack('>I', self.data[off:off + 4])[0]

    def prop_token(self, node, name):
        """Blob offset of a property's PROP token."""
        return self.off_struct + self.prop_at[(id(node), name)]


class Corpus:
    def __init__(self, base, seed, outdir):
        self.base = base
        self.seed = seed
        self.outdir = outdir
        self.index = []
        root = base.root
        ac = decode_cells(root.prop('#address-cells'), 1)
        sc = decode_cells(root.prop('#size-cells'), 1)
        reg = base.memory_nodes()[0].prop('reg')
        self.ac, self.sc = ac, sc
        self.ram_base = decode_cells(reg, ac)
        self.ram_size = decode_cells(reg[4 * ac:], sc)

    def tree(self):
        return copy.deepcopy(self.base)

    def rng(self, name):
        return random.Random('%s:%s' % (self.seed, name))

    def add(self, name, reader, what, data):
        fname = '%02d-%s.dtb' % (len(self.index) + 1, name)
        with open(os.path.join(self.outdir, fname), 'wb') as f:
            f.write(bytes(data))
        self.index.append('%s %s %s' % (fname, reader, what))

    def add_tree(self, name, what, tree):
        self.add(name, 'ok', what, Blob(tree).data)

    def reg(self, base, size):
        return cells([base], self.ac) + cells([size], self.sc)

    def write_index(self):
        with open(os.path.join(self.outdir, 'index'), 'w') as f:
            f.write('\n'.join(self.index) + '\n')


def truncations(c):
    b = Blob(c.tree())
    d = b.data
    for name, at, what in (
            ('trunc-header', 32, 'cut inside the header'),
            ('trunc-rsvmap', b.off_struct - 8, 'cut inside the reservation map'),
            ('trunc-struct-quarter', b.off_struct + b.size_struct // 4,
             'cut a quarter into the structure block'),
            ('trunc-struct-3quarters', b.off_struct + 3 * b.size_struct // 4,
             'cut three quarters into the structure block'),
            ('trunc-strings', b.off_strings + b.size_strings // 2,
             'cut in the middle of the strings block'),
            ('trunc-last-byte', len(d) - 1, 'last byte missing')):
        c.add(name, 'bad', what, d[:at])


def header_fields(c):
    def field(name, reader, what, off, value):
        b = Blob(c.tree())
        b.put32(off, value(b) if callable(value) else value)
        c.add(name, reader, what, b.data)

    field('hdr-bad-magic', 'bad', 'magic is not 0xd00dfeed', H_MAGIC, 0xd00dfeee)
    field('hdr-totalsize-huge', 'bad', 'totalsize near 2 GiB', H_TOTALSIZE, 0x7fffff00)
    field('hdr-totalsize-header', 'bad', 'totalsize covers the header only',
          H_TOTALSIZE, HEADER_SIZE)
    field('hdr-off-struct-misaligned', 'bad', 'off_dt_struct not 4-byte aligned',
          H_OFF_STRUCT, lambda b: b.off_struct + 2)
    field('hdr-off-struct-beyond', 'bad', 'off_dt_struct past the end',
          H_OFF_STRUCT, lambda b: len(b.data) + 64)
    field('hdr-off-strings-beyond', 'bad', 'off_dt_strings past the end',
          H_OFF_STRINGS, lambda b: len(b.data) + 64)
    field('hdr-off-rsvmap-beyond', 'bad', 'off_mem_rsvmap past the end',
          H_OFF_RSVMAP, lambda b: len(b.data) + 64)
    field('hdr-version-15', 'bad', 'version 15', H_VERSION, 15)
    field('hdr-last-comp-18', 'bad', 'last_comp_version 18', H_LAST_COMP, 18)
    field('hdr-size-strings-zero', 'bad', 'size_dt_strings 0', H_SIZE_STRINGS, 0)
    field('hdr-size-strings-huge', 'bad', 'size_dt_strings past the end',
          H_SIZE_STRINGS, 0x10000000)
    field('hdr-size-struct-short', 'bad', 'size_dt_struct 64 bytes short',
          H_SIZE_STRUCT, lambda b: b.size_struct - 64)
    field('hdr-size-struct-huge', 'bad', 'size_dt_struct past the end',
          H_SIZE_STRUCT, 0x10000000)
    field('hdr-boot-cpuid-7', 'ok', 'boot_cpuid_phys names a hart that does not exist',
          H_BOOT_CPUID, 7)

    b = Blob(c.tree())
    end = b.off_struct - 16
    b.data[end:end + 16] = struct.pack('>QQ', c.ram_base, 0x1000)
    c.add('rsvmap-unterminated', 'any', 'reservation map without its (0, 0) end', b.data)


def tokens(c):
    t = c.tree()
    uart = t.by_compatible('ns16550a')[0]
    mem = t.memory_nodes()[0]
    cpus = t.find('/cpus')

    def variant(name, reader, what, edit):
        d = Blob(t)
        edit(d)
        c.add(name, reader, what, d.data)

    variant('prop-len-huge', 'bad', 'memory reg length 0xfffffff0',
            lambda d: d.put32(d.prop_token(mem, 'reg') + 4, 0xfffffff0))
    variant('prop-len-overrun', 'bad', 'UART compatible runs 4 bytes past the structure block',
            lambda d: d.put32(d.prop_token(uart, 'compatible') + 4,
                              d.off_strings - d.prop_token(uart, 'compatible') - 12 + 4))
    variant('prop-len-plus4', 'any', 'timebase-frequency 4 bytes too long, swallowing a token',
            lambda d: d.put32(d.prop_token(cpus, 'timebase-frequency') + 4, 8))
    variant('prop-nameoff-beyond', 'bad', 'memory device_type name offset past the strings',
            lambda d: d.put32(d.prop_token(mem, 'device_type') + 8, d.size_strings + 100))
    variant('token-unknown', 'bad', 'UART BEGIN_NODE replaced by token 7',
            lambda d: d.put32(d.off_struct + d.node_at[id(uart)], 7))
    variant('token-end-early', 'bad', 'FDT_END in place of /cpus',
            lambda d: d.put32(d.off_struct + d.node_at[id(cpus)], END))
    variant('token-nop-for-end-node', 'bad', 'the UART END_NODE replaced by NOP',
            lambda d: d.put32(d.off_struct + d.end_at[id(uart)], NOP))

    c.add('token-missing-end-node', 'bad', 'no END_NODE for /cpus',
          Blob(t, omit_end=cpus).data)
    c.add('token-extra-end-node', 'bad', 'a second END_NODE after the UART',
          Blob(t, extra_end=uart).data)

    # The name's NUL and padding become 'x': the name runs into the next token.
    d = Blob(t)
    at = d.off_struct + d.node_at[id(uart)] + 4
    end = at + len(uart.name)
    while True:
        d.data[end] = ord('x')
        end += 1
        if end % 4 == 0:
            break
    c.add('node-name-unterminated', 'any', 'UART node name without its NUL', d.data)


def flips(c):
    b = Blob(c.tree())
    for block, start, size, count in (('struct', b.off_struct, b.size_struct, 8),
                                      ('strings', b.off_strings, b.size_strings, 4)):
        for i in range(1, count + 1):
            name = 'flip-%s-%d' % (block, i)
            rng = c.rng(name)
            d = bytearray(b.data)
            n = rng.randint(1, 4)
            for _ in range(n):
                at = start + rng.randrange(size)
                d[at] ^= 1 << rng.randrange(8) if rng.random() < 0.5 else rng.randrange(1, 256)
            c.add(name, 'any', '%d random byte(s) changed in the %s block' % (n, block), d)


def memory_variants(c):
    def edit_memory(name, what, fn):
        t = c.tree()
        fn(t, t.memory_nodes()[0])
        c.add_tree(name, what, t)

    def remove_memory(t, m):
        for n in t.memory_nodes():
            t.root.children.remove(n)

    edit_memory('no-memory', 'no memory node', remove_memory)
    edit_memory('memory-zero-size', 'memory reg with size 0',
                lambda t, m: m.set('reg', c.reg(c.ram_base, 0)))
    edit_memory('memory-reg-empty', 'memory reg of length 0', lambda t, m: m.set('reg', b''))
    edit_memory('memory-reg-misshapen', 'memory reg one cell short',
                lambda t, m: m.set('reg', c.reg(c.ram_base, c.ram_size)[:-4]))
    edit_memory('memory-disabled', 'memory node with status "disabled"',
                lambda t, m: m.set('status', b'disabled\0'))
    edit_memory('memory-status-unterminated', 'memory status "okay" without its NUL',
                lambda t, m: m.set('status', b'okay'))
    edit_memory('memory-larger-than-ram', 'memory node 4 times the RAM QEMU has',
                lambda t, m: m.set('reg', c.reg(c.ram_base, 4 * c.ram_size)))
    edit_memory('memory-beyond-4g', 'memory node reaching past 4 GiB',
                lambda t, m: m.set('reg', c.reg(c.ram_base, (1 << 32) + c.ram_size)))
    edit_memory('memory-size-wraps', 'memory base + size wraps around 2^64',
                lambda t, m: m.set('reg', c.reg(c.ram_base, (1 << 64) - 0x1000)
                                   if c.sc == 2 else c.reg(c.ram_base, 0xfffff000)))

    t = c.tree()
    t.root.set('#address-cells', u32(3))
    c.add_tree('root-address-cells-3', '#address-cells = 3 at the root', t)
    t = c.tree()
    t.root.set('#size-cells', u32(0))
    c.add_tree('root-size-cells-0', '#size-cells = 0 at the root', t)
    t = c.tree()
    t.root.set('#address-cells', u32(1) + u32(0))
    c.add_tree('root-address-cells-8-bytes', '#address-cells 8 bytes long', t)


def reservation_variants(c):
    top = c.ram_base + c.ram_size // 2
    t = c.tree()
    t.rsvmap = [(top + i * 0x2000, 0x1000) for i in range(300)]
    c.add_tree('memreserve-300', '300 /memreserve/ entries', t)

    t = c.tree()
    half = c.ram_size // 2
    t.rsvmap = [(top + (i * 0x1000) % half, 0x1000) for i in range(20000)]
    c.add_tree('memreserve-20000', '20000 /memreserve/ entries, one after the other', t)

    t = c.tree()
    t.rsvmap = [(c.ram_base, c.ram_size)]
    c.add_tree('memreserve-all-ram', 'one /memreserve/ entry covering all RAM', t)

    t = c.tree()
    rm = Node('reserved-memory', [['#address-cells', u32(c.ac)], ['#size-cells', u32(c.sc)],
                                  ['ranges', b'']])
    for i in range(300):
        base = top + i * 0x2000
        rm.children.append(Node('resv@%x' % base, [['reg', c.reg(base, 0x1000)],
                                                   ['no-map', b'']]))
    t.root.children.append(rm)
    c.add_tree('reserved-memory-300', '/reserved-memory with 300 children', t)

    t = c.tree()
    rm = Node('reserved-memory', [['#address-cells', u32(3)], ['#size-cells', u32(c.sc)],
                                  ['ranges', b'']])
    t.root.children.append(rm)
    c.add_tree('reserved-memory-cells-3', '/reserved-memory with #address-cells 3', t)


def cpu_variants(c):
    def edit(name, what, fn):
        t = c.tree()
        fn(t, t.find('/cpus'))
        c.add_tree(name, what, t)

    def disable_all(t, cpus):
        for cpu in t.cpu_nodes():
            cpu.set('status', b'disabled\0')

    def drop_reg(t, cpus):
        for cpu in t.cpu_nodes():
            cpu.drop('reg')

    def unterminated_isa(t, cpus):
        for cpu in t.cpu_nodes():
            cpu.set('riscv,isa', cpu.prop('riscv,isa').rstrip(b'\0'))

    def more_harts(t, cpus):
        last = t.cpu_nodes()[-1]
        first_id = decode_cells(last.prop('reg'), 1) + 1
        for i in range(first_id, first_id + 4):
            extra = copy.deepcopy(last)
            extra.name = 'cpu@%x' % i
            extra.set('reg', u32(i))
            extra.drop('phandle')
            for sub in extra.children:
                sub.drop('phandle')
            cpus.children.append(extra)

    edit('cpus-all-disabled', 'every cpu node disabled', disable_all)
    edit('boot-hart-disabled', 'the boot hart\'s cpu node (hart 0) disabled',
         lambda t, cpus: cpus.child('cpu@0').set('status', b'disabled\0'))
    edit('no-cpus-node', 'no /cpus node', lambda t, cpus: t.root.children.remove(cpus))
    edit('cpu-reg-missing', 'cpu nodes without reg', drop_reg)
    edit('hartid-huge', 'the last cpu node with hart id 1000',
         lambda t, cpus: t.cpu_nodes()[-1].set('reg', u32(1000)))
    edit('cpus-more-than-harts', 'four more cpu nodes than QEMU has harts', more_harts)
    edit('no-timebase', 'no timebase-frequency', lambda t, cpus: cpus.drop('timebase-frequency'))
    edit('timebase-zero', 'timebase-frequency 0',
         lambda t, cpus: cpus.set('timebase-frequency', u32(0)))
    edit('timebase-u64', 'timebase-frequency as 8 bytes',
         lambda t, cpus: cpus.set('timebase-frequency', u32(0) + u32(10000000)))
    edit('isa-unterminated', 'riscv,isa without its NUL', unterminated_isa)


def reg_at(t, node, addr):
    """A 4 KiB reg for node at addr, in its parent's cells."""
    parent = t.parent_of(node)
    ac = decode_cells(parent.prop('#address-cells'), 1)
    sc = decode_cells(parent.prop('#size-cells'), 1)
    return cells([addr], ac) + cells([0x1000], sc)


def device_variants(c):
    def edit(name, what, compat, fn):
        t = c.tree()
        fn(t, t.by_compatible(compat)[0])
        c.add_tree(name, what, t)

    def remove(t, node):
        t.parent_of(node).children.remove(node)

    def disable(t, node):
        node.set('status', b'disabled\0')

    def unmapped(t, node):
        node.set('reg', reg_at(t, node, UNMAPPED))

    def in_ram(t, node):
        node.set('reg', reg_at(t, node, c.ram_base + c.ram_size // 2))

    edit('no-plic', 'no PLIC', 'riscv,plic0', remove)
    edit('no-clint', 'no CLINT', 'riscv,clint0', remove)
    edit('clint-disabled', 'CLINT disabled', 'riscv,clint0', disable)
    edit('no-uart', 'no UART', 'ns16550a', remove)
    edit('uart-disabled', 'UART disabled', 'ns16550a', disable)
    edit('uart-reg-unmapped', 'UART reg at an address with no device', 'ns16550a', unmapped)
    edit('uart-reg-in-ram', 'UART reg pointing into RAM', 'ns16550a', in_ram)
    edit('uart-compatible-unterminated', 'UART compatible without its NUL', 'ns16550a',
         lambda t, n: n.set('compatible', b'ns16550a'))
    edit('no-test-device', 'no sifive,test test device', 'sifive,test0', remove)
    edit('test-disabled', 'test device disabled', 'sifive,test0', disable)
    edit('test-reg-unmapped', 'test device reg at an address with no device',
         'sifive,test0', unmapped)
    edit('test-reg-in-ram', 'test device reg pointing into RAM', 'sifive,test0', in_ram)

    t = c.tree()
    uart = t.by_compatible('ns16550a')[0]
    soc = t.parent_of(uart)
    decoy = copy.deepcopy(uart)
    decoy.name = 'serial@200000'
    decoy.set('status', b'disabled\0')
    decoy.set('reg', reg_at(t, uart, UNMAPPED))
    soc.children.insert(0, decoy)
    c.add_tree('uart-disabled-decoy-first', 'a disabled UART at a bad address before the real one',
               t)

    t = c.tree()
    t.find('/soc').set('#address-cells', u32(3))
    c.add_tree('soc-address-cells-3', '/soc with #address-cells 3 (no device decodes)', t)


def chosen_variants(c):
    t = c.tree()
    t.find('/chosen').set('bootargs', b'loglevel=8')
    c.add_tree('bootargs-no-nul', 'bootargs without its NUL', t)
    t = c.tree()
    t.find('/chosen').set('bootargs', b'loglevel=8 ' + b'x' * 8192 + b'\0')
    c.add_tree('bootargs-huge', '8 KiB of bootargs', t)
    t = c.tree()
    t.find('/chosen').set('stdout-path', b'/soc/nowhere@0')
    c.add_tree('stdout-path-dangling', 'stdout-path naming no node, without its NUL', t)


def shape_variants(c):
    t = c.tree()
    chosen = t.find('/chosen')
    t.root.children = [Node('chosen', chosen.props)]    # QEMU insists on /chosen
    t.root.props = []
    c.add_tree('bare-tree', 'a root with only /chosen', t)

    t = c.tree()
    node = t.root
    for i in range(200):
        child = Node('nest%d' % i, [['#address-cells', u32(1)], ['#size-cells', u32(1)]])
        node.children.append(child)
        node = child
    c.add_tree('deep-nesting', '200 nested nodes', t)

    t = c.tree()
    for i in range(2000):
        t.root.children.append(Node('dummy@%x' % i, [['compatible', b'tern,dummy\0'],
                                                     ['reg', c.reg(i, 4)]]))
    c.add_tree('many-nodes', '2000 extra nodes under the root', t)

    t = c.tree()
    t.root.children.append(Node('n' * 2000, [['p' * 2000, b'v\0']]))
    c.add_tree('long-names', 'a 2000-character node name and property name', t)

    t = c.tree()
    t.find('/chosen').set('padding', bytes(5 << 20))
    c.add_tree('big-5mib', 'a 5 MiB property: larger than the firmware accepts', t)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--seed', default=os.environ.get('DTB_CORPUS_SEED', '1'),
                    help='seed for the random variants (default: $DTB_CORPUS_SEED or 1)')
    ap.add_argument('base', help='a good DTB')
    ap.add_argument('outdir', help='where the variants go')
    args = ap.parse_args()

    with open(args.base, 'rb') as f:
        base = parse(f.read())
    os.makedirs(args.outdir, exist_ok=True)
    for name in os.listdir(args.outdir):
        if name.endswith('.dtb') or name == 'index':
            os.remove(os.path.join(args.outdir, name))
    c = Corpus(base, args.seed, args.outdir)
    c.add_tree('base', 'the base tree, rewritten: must boot', c.tree())
    for group in (truncations, header_fields, tokens, flips, memory_variants,
                  reservation_variants, cpu_variants, device_variants, chosen_variants,
                  shape_variants):
        group(c)
    c.write_index()
    print('gen-bad-dtbs.py: %d variants (seed %s) in %s' % (len(c.index), args.seed,
                                                           args.outdir))


if __name__ == '__main__':
    main()
