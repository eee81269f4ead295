#!/usr/bin/env bash
# Builds the newer OBS Studio versions the tests drive next to the machine's own (Debian 12:
# OBS 29.0.2). Libraries install OBS 30-32 from obsproject.com; Debian's archive serves them in
# newer suites, so each runs from a Debian root of its own under chroot:
#
#   trixie  OBS 30.2.3  obs-websocket 5.5
#   sid     OBS 32.2.2  obs-websocket 5.7
#
# Safe to run again: a finished root is kept (marked by .bibblan-obs-ready) and only remounted.
# Each root takes about 1.5 GB and a few minutes. Needs root, debootstrap and Debian's archive.
# Where that is impossible it says so in one sentence and exits 0: the tests then run on the
# machine's OBS only and say which versions were left out.
#
#   BIBBLAN_OBS_ROOTS   where the roots live (default /opt/bibblan-obs)
set -uo pipefail

base="${BIBBLAN_OBS_ROOTS:-/opt/bibblan-obs}"
suites=(trixie sid)
say() { printf '==> %s\n' "$*"; }
give_up() {
  say "Newer OBS versions are not set up: $*; the tests will run on this machine's OBS only."
  exit 0
}

[[ $(id -u) -eq 0 ]] || give_up "building their Debian roots needs root (chroot, mount)"
command -v apt-get >/dev/null || give_up "this is not a Debian-based system"

# The Debian archive this machine already uses (a .sources file or sources.list), else the default.
mirror=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -m1 '/debian$')
[[ -n "$mirror" ]] || mirror=$(grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list |
  awk '{print $2}' | grep -m1 '/debian/\?$')
mirror="${mirror:-http://deb.debian.org/debian}"

if ! command -v debootstrap >/dev/null; then
  say "Installing debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debootstrap >/dev/null 2>&1 ||
    { apt-get update >/dev/null 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debootstrap >/dev/null 2>&1; } ||
    give_up "debootstrap could not be installed from Debian's archive"
fi

mkdir -p "$base/bin" || give_up "$base cannot be created"

ready() { [[ -f "$1/.bibblan-obs-ready" ]]; }

# Builds one root; its output goes to a log so that two builds can run side by side.
build_root() {
  local suite=$1 root="$base/$1"
  local apt_opts=(-o Acquire::Check-Valid-Until=false -o Acquire::Retries=3)
  # A root without the ready mark is an interrupted build: start over. Never delete through a
  # mount (its /tmp is the machine's): unmount first, and stop if anything stays mounted.
  for sub in tmp sys dev proc; do
    mountpoint -q "$root/$sub" 2>/dev/null && umount -R "$root/$sub"
  done
  if findmnt -rn -o TARGET | grep -q "^$root/"; then
    echo "Something is still mounted under $root; not deleting it."
    return 1
  fi
  rm -rf "$root"
  debootstrap --variant=minbase --include=ca-certificates "$suite" "$root" "$mirror" || return 1
  echo "deb $mirror $suite main" >"$root/etc/apt/sources.list"
  cp /etc/resolv.conf "$root/etc/" 2>/dev/null || true
  chroot "$root" apt-get "${apt_opts[@]}" update || return 1
  chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y \
    --no-install-recommends obs-studio xvfb xauth libgl1-mesa-dri fonts-dejavu-core || return 1
  chroot "$root" apt-get clean
  chroot "$root" dpkg-query -W -f='${Version}\n' obs-studio >"$root/.bibblan-obs-ready"
}

pids=()
for suite in "${suites[@]}"; do
  root="$base/$suite"
  if ready "$root"; then
    say "OBS root $suite is ready: OBS $(cat "$root/.bibblan-obs-ready")"
    continue
  fi
  say "Building the OBS root $suite in $root (a few minutes; log: $base/$suite.log)"
  build_root "$suite" >"$base/$suite.log" 2>&1 &
  pids+=("$!:$suite")
done
for entry in "${pids[@]}"; do
  pid=${entry%%:*} suite=${entry#*:}
  if wait "$pid"; then
    say "OBS root $suite built: OBS $(cat "$base/$suite/.bibblan-obs-ready")"
  else
    say "Building the OBS root $suite failed (the end of $base/$suite.log follows)."
    tail -n 15 "$base/$suite.log" | sed 's/^/    /'
  fi
done

# Mounts (lost at every boot) and the wrappers the test harness runs instead of `obs`.
for suite in "${suites[@]}"; do
  root="$base/$suite"
  ready "$root" || continue
  mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
  mountpoint -q "$root/dev" || mount --rbind /dev "$root/dev"
  mountpoint -q "$root/sys" || mount --rbind /sys "$root/sys"
  # The root sees the machine's /tmp: test homes, the X server's socket, media files.
  mountpoint -q "$root/tmp" || mount --bind /tmp "$root/tmp"
  if ! mountpoint -q "$root/tmp"; then
    say "The OBS root $suite could not be mounted; the tests will leave it out."
    continue
  fi
  version=$(cat "$root/.bibblan-obs-ready")
  major=${version%%.*}
  wrapper="$base/bin/obs-$major"
  cat >"$wrapper" <<EOF
#!/bin/bash
# OBS $version from the Debian $suite root, run under chroot (written by scripts/setup-obs-versions.sh).
exec chroot "$root" /bin/bash -c 'cd "\$0" 2>/dev/null || cd /tmp; exec /usr/bin/obs "\$@"' "\$PWD" "\$@"
EOF
  chmod +x "$wrapper"
  say "OBS $version runs as $wrapper"
done
exit 0
