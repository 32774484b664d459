#!/usr/bin/env bash
# Installs Senani on a Debian/Ubuntu machine that has Swift 6: system libraries, a release build, the binary in
# /usr/local/bin, the templates in /usr/local/share/senani, and (with --service) the systemd units.
#   deploy/setup.sh             build and install (as root, or as a user with sudo: only installing uses it)
#   deploy/setup.sh --service   also create the senani user and enable senani.service and the backup timer
set -euo pipefail
cd "$(dirname "$0")/.."

# Root runs everything directly (a fresh server often has no sudo); anyone else builds as himself and uses sudo
# only for what needs root.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "setup.sh: run as root, or install sudo" >&2; exit 1
  fi
}
command -v swift >/dev/null || { echo "setup.sh: Swift 6 is not installed (https://www.swift.org/install/linux/)" >&2; exit 1; }

# The digest chart (CCairo/DigestChart) builds against cairo and pango and, at run time, needs libcairo2,
# libpangocairo-1.0-0 (both pulled in by the -dev packages) and the fonts in fonts-noto-core: Noto Sans and
# Noto Sans Devanagari, without which Hindi comes out as empty boxes.
missing=()
for pkg in libcurl4-openssl-dev libssl-dev libsqlite3-dev pkg-config libcairo2-dev libpango1.0-dev fonts-noto-core; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# The Swift runtime linked in: only what senani uses is loaded, about 5 MB less resident memory than the shared
# libraries, and the binary runs without the toolchain's lib folder.
# From scratch every time: an incremental release build once kept a class's old size across an update (the new
# binary corrupted its heap at the first database write). A deploy can afford the few minutes.
rm -rf "$(swift build -c release --static-swift-stdlib --show-bin-path)"
swift build -c release --static-swift-stdlib --product senani
as_root install -m 0755 "$(swift build -c release --static-swift-stdlib --show-bin-path)/senani" /usr/local/bin/senani
as_root install -d /usr/local/share/senani/Templates
as_root install -m 0644 Templates/*.mustache /usr/local/share/senani/Templates/
echo "installed /usr/local/bin/senani and /usr/local/share/senani/Templates"

if [ "${1:-}" = "--service" ]; then
  id senani >/dev/null 2>&1 || as_root useradd --system --home-dir /var/lib/senani --shell /usr/sbin/nologin senani
  as_root install -d -m 0750 /etc/senani
  [ -f /etc/senani/senani.env ] || as_root install -m 0640 -g senani deploy/senani.env.example /etc/senani/senani.env
  # The install key: pseudonyms and sealed chat ids depend on it. Root-only here; systemd's LoadCredential= hands
  # it to the service. It lives outside /var/lib/senani, so no database backup ever holds it: back it up apart.
  if ! as_root test -f /etc/senani/senani.key; then
    as_root sh -c 'umask 077 && od -An -tx1 -N32 /dev/urandom | tr -d "[:space:]" > /etc/senani/senani.key && echo >> /etc/senani/senani.key'
    as_root chmod 0600 /etc/senani/senani.key
    echo "created /etc/senani/senani.key: back it up once, somewhere else than the database backups"
  fi
  as_root install -m 0644 deploy/senani.service deploy/senani-backup.service deploy/senani-backup.timer /etc/systemd/system/
  as_root systemctl daemon-reload
  as_root systemctl enable senani-backup.timer
  echo "edit /etc/senani/senani.env (SENANI_BOT_TOKEN), then: systemctl enable --now senani"
fi
