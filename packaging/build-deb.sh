#!/usr/bin/env bash
# Builds dockwatch_<version>_all.deb from the built agent (mvn -q package -DskipTests) with
# dpkg-deb alone: no debhelper, no network.
#
#   packaging/build-deb.sh [OUTDIR]        (default OUTDIR: packaging/target)
#
# The version is the Maven project version in Debian form: a qualifier sorts before its
# release (0.1.0-SNAPSHOT becomes 0.1.0~snapshot, older than 0.1.0). packaging/changelog must
# have an entry for it. The build is reproducible: every timestamp is SOURCE_DATE_EPOCH,
# by default the date of that changelog entry, so one jar always gives the same bytes.
set -euo pipefail
umask 022
export LC_ALL=C.UTF-8 TZ=UTC

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
jar="$repo/agent/target/dockwatch.jar"
outdir=$(realpath -m "${1:-$here/target}")

die() {
  echo "build-deb.sh: $*" >&2
  exit 1
}

[ -f "$jar" ] || die "$jar is missing; build it first: mvn -q package -DskipTests"

# The project's own version is the only <version> at the top level of the parent pom.
maven_version=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' "$repo/pom.xml")
[ -n "$maven_version" ] || die "no project version in $repo/pom.xml"
version=$(printf '%s' "$maven_version" | tr '[:upper:]-' '[:lower:]~')

# A jar left over from another version would be packaged under the wrong name.
jar_says=$(java -jar "$jar" --version) || die "$jar does not run"
[ "$jar_says" = "dockwatch $maven_version" ] ||
  die "$jar reports \"$jar_says\", the project is at $maven_version; rebuild it"

changelog="$here/changelog"
logged=$(sed -n '1s/^dockwatch (\([^)]*\)) .*/\1/p' "$changelog")
[ "$logged" = "$version" ] ||
  die "the top entry of $changelog is \"$logged\"; add one for $version"
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(date -d "$(sed -n 's/^ -- .*>  //p' "$changelog" | head -n 1)" +%s)
fi
export SOURCE_DATE_EPOCH

mkdir -p "$outdir"
stage=$(mktemp -d "$outdir/.stage.XXXXXX")
trap 'rm -rf "$stage"' EXIT
root="$stage/root"
doc="$root/usr/share/doc/dockwatch"

install -D -m 0644 "$jar" "$root/usr/share/dockwatch/dockwatch.jar"
install -D -m 0755 "$here/dockwatch" "$root/usr/bin/dockwatch"
install -D -m 0644 "$repo/systemd/dockwatch.service" "$root/lib/systemd/system/dockwatch.service"
install -D -m 0644 "$repo/config.example.toml" "$root/etc/dockwatch/dockwatch.toml"
install -d -m 0755 "$root/usr/share/man/man1" "$doc"
gzip -9n <"$here/dockwatch.1" >"$root/usr/share/man/man1/dockwatch.1.gz"
# README.md stays uncompressed: the unit's Documentation= points at it.
install -m 0644 "$repo/README.md" "$doc/README.md"
install -m 0644 "$here/copyright" "$doc/copyright"
gzip -9n <"$changelog" >"$doc/changelog.gz"
if [ -f "$repo/docs/rules.md" ]; then
  install -m 0644 "$repo/docs/rules.md" "$doc/rules.md"
fi
chmod 0644 "$root/usr/share/man/man1/dockwatch.1.gz" "$doc/changelog.gz"

# Installed-Size in KiB, counted the way dpkg-gencontrol counts it: each file rounded up to
# a KiB, one KiB for every directory.
installed_size=$(find "$root" -mindepth 1 -printf '%y %s\n' |
  awk '$1 == "f" || $1 == "l" { kib += int(($2 + 1023) / 1024); next } { kib += 1 }
       END { print kib }')

install -d -m 0755 "$root/DEBIAN"
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$installed_size/" \
  "$here/control" >"$root/DEBIAN/control"
install -m 0644 "$here/conffiles" "$root/DEBIAN/conffiles"
for script in postinst prerm postrm; do
  install -m 0755 "$here/$script" "$root/DEBIAN/$script"
done
# dpkg keeps the checksums of conffiles itself, so md5sums lists every other file.
(
  cd "$root"
  find . -type f ! -path './DEBIAN/*' -printf '%P\n' | sort |
    grep -vxF -f <(sed 's|^/||' DEBIAN/conffiles) | tr '\n' '\0' | xargs -0 md5sum
) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

find "$root" -exec touch --no-dereference --date="@$SOURCE_DATE_EPOCH" {} +
deb="$outdir/dockwatch_${version}_all.deb"
# The jar is compressed already: xz would save 0.5% at fifteen times the build time.
dpkg-deb --root-owner-group -Zgzip -z9 --build "$root" "$deb" >/dev/null
echo "$deb"
