#!/bin/sh
# Tries a package on this host without changing it: runs SCRIPT as root, chrooted into an
# overlay of / whose writes stay in memory and vanish when SCRIPT ends. The package is at
# $DEB there. /run is empty, so to maintainer scripts systemd is not running (as in an
# image build).
#
#   packaging/try-deb.sh DEB SCRIPT      e.g. 'dpkg -i "$DEB" && dockwatch rules'
#
# Needs root, unshare (util-linux) and overlayfs.
set -eu

if [ "${1:-}" != --inside ]; then
  if [ $# -ne 2 ]; then
    echo "usage: $0 DEB SCRIPT" >&2
    exit 2
  fi
  # A mount namespace of its own: nothing mounted below is seen by, or outlives, this run.
  exec unshare --mount --propagation private "$0" --inside "$@"
fi
deb=$2
script=$3

dir=$(mktemp -d)
mount -t tmpfs -o mode=0755 try-deb "$dir"
mkdir "$dir/upper" "$dir/work" "$dir/root"
root="$dir/root"
mount -t overlay try-deb -o "lowerdir=/,upperdir=$dir/upper,workdir=$dir/work" "$root"
mountpoint -q "$root"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount -t tmpfs tmpfs "$root/run"
mount -t tmpfs tmpfs "$root/tmp"
name=$(basename "$deb")
cp "$deb" "$root/tmp/$name"
# Rebuilding the manual page index takes seconds and proves nothing about the package.
rm -f "$root/var/lib/man-db/auto-update"

status=0
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
  DEBIAN_FRONTEND=noninteractive DEB="/tmp/$name" /bin/sh -eu -c "$script" || status=$?
umount -R "$dir"
rmdir "$dir"
exit "$status"
