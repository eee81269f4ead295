#!/usr/bin/env bash
# Sets up Bibblan Live on Debian 12 (primary target) or Ubuntu. Safe to run again: it installs
# only what is missing.
#
#   bash scripts/setup-debian.sh               OBS Studio (what the app drives) + npm packages
#   bash scripts/setup-debian.sh --test-deps   also what the tests need: Xvfb, Mesa, Chromium,
#                                              nginx with RTMP, ffmpeg, iproute2, and OBS 30 and
#                                              32 in Debian roots of their own (setup-obs-versions.sh)
#
# Node.js must already be installed: 20.19+ in Node 20, 22.13+ in Node 22, or 24+ (it is not taken
# from apt: Debian 12 ships 18).
set -euo pipefail

usage() {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
}

test_deps=false
for arg in "$@"; do
  case "$arg" in
    --test-deps) test_deps=true ;;
    -h | --help) usage; exit 0 ;;
    *) echo "Unknown option: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

cd "$(dirname "$0")/.."
say() { printf '==> %s\n' "$*"; }

# --- apt packages -----------------------------------------------------------------------------
packages=(obs-studio)
if $test_deps; then
  packages+=(xvfb xauth libgl1-mesa-dri nginx libnginx-mod-rtmp ffmpeg iproute2)
  . /etc/os-release 2>/dev/null || true
  if [[ "${ID:-}" == "ubuntu" ]]; then
    # Ubuntu's chromium-browser is a transitional package that installs the snap; the UI tests
    # look for /usr/bin/chromium (Debian). Point CHROMIUM_PATH at your Chromium if it lives elsewhere.
    say "Ubuntu detected: Chromium comes as a snap there (chromium-browser); Debian is the tested target."
    packages+=(chromium-browser)
  else
    packages+=(chromium)
  fi
fi

if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  echo "Installing packages needs root: run this as root or install sudo." >&2
  exit 1
fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for pkg in "${packages[@]}"; do
  installed "$pkg" || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
  say "apt packages already installed: ${packages[*]}"
else
  say "Installing with apt-get: ${missing[*]}"
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# --- Node.js and npm packages -----------------------------------------------------------------
# The versions package.json's "engines" names: Vite and electron-vite need ^20.19 or >=22.12 (they
# require ES modules); ESLint 10 narrows that to 22.13 in the 22 line and has no Node 23.
node_range="20.19 or later in Node 20, 22.13 or later in Node 22, or Node 24 and later"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Node.js with npm is needed ($node_range): https://nodejs.org" >&2
  exit 1
fi
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit((a === 20 && b >= 19) || (a === 22 && b >= 13) || a >= 24 ? 0 : 1)'; then
  echo "Node.js $(node --version) is not one Bibblan Live installs on: use $node_range (an LTS from nodejs.org)." >&2
  exit 1
fi

# npm writes node_modules/.package-lock.json on every install: older than package-lock.json
# means the lock file changed since.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "Installing npm packages (npm ci)"
  if (($(npm --version | cut -d. -f1) < 11)); then
    # npm 10 ignores "allowScripts" and would run Electron's own download, which fails the whole
    # install where GitHub cannot be reached. "postinstall": Electron's script skips, ours
    # downloads it, or says in one sentence that the browser host will be used.
    ELECTRON_SKIP_BINARY_DOWNLOAD=postinstall npm ci
  else
    npm ci
  fi
else
  say "npm packages are up to date"
fi

if $test_deps; then
  # The tests also drive the OBS versions libraries install (30, 32); never fatal here.
  bash scripts/setup-obs-versions.sh
fi

say "Done. Start the app with: npm start"
if $test_deps; then say "Run the tests with: npm test"; fi
