#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Assembles the rootfs tree and packs it as a cpio newc archive:
#
#   gen-initramfs.sh <rootfs dir> <overlay dir or ''> <archive> [name to print
#                    [program manifests...]]
#
# The tree is made afresh each time: the skeleton directories, then the
# user programs the manifests name (scripts/Makefile.userprogs: lines
# "file <path> <dest>" and "link <target> <dest>"), then the overlay copied
# over them (as Buildroot's BR2_ROOTFS_OVERLAY).  The archive
# is reproducible: names sorted in the C locale, every owner 0:0, every
# mtime SOURCE_DATE_EPOCH (default 0), inode numbers renumbered
# (--reproducible).  It replaces <archive> only when its bytes change, so
# an unchanged tree rebuilds nothing; the name is printed then.
set -e

rootfs=$1
overlay=$2
out=$3
name=${4:-$3}
shift 3; [ $# -gt 0 ] && shift
epoch=${SOURCE_DATE_EPOCH:-0}

if [ -n "$overlay" ] && [ ! -d "$overlay" ]; then
	echo "error: ROOTFS_OVERLAY: no such directory: $overlay" >&2
	exit 1
fi
command -v cpio >/dev/null || { echo "error: the initramfs needs cpio (GNU cpio) on the build machine" >&2; exit 1; }

rm -rf "$rootfs"
mkdir -p "$rootfs"
for d in bin dev etc proc root sbin sys tmp; do
	mkdir -p "$rootfs/$d"
done
chmod 0755 "$rootfs" "$rootfs"/*
chmod 1777 "$rootfs/tmp"
chmod 0700 "$rootfs/root"
for manifest in "$@"; do
	while read -r kind from dest; do
		mkdir -p "$rootfs/$(dirname "$dest")"
		case $kind in
		file) cp -p "$from" "$rootfs/$dest" ;;
		link) ln -sfn "$from" "$rootfs/$dest" ;;
		*) echo "error: $manifest: bad line: $kind $from $dest" >&2; exit 1 ;;
		esac
	done < "$manifest"
done
if [ -n "$overlay" ]; then
	cp -R -P -p "$overlay/." "$rootfs/"
fi
find "$rootfs" -exec touch -h -d "@$epoch" {} +

mkdir -p "$(dirname "$out")"
(cd "$rootfs" && find . | LC_ALL=C sort |
	cpio -o -H newc --owner 0:0 --reproducible --quiet) > "$out.tmp"
if [ -r "$out" ] && cmp -s "$out" "$out.tmp"; then
	rm -f "$out.tmp"
else
	mv -f "$out.tmp" "$out"
	[ "$name" = "-" ] || echo "  CPIO    $name"
fi
