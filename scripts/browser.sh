#!/usr/bin/env bash
# scripts/browser.sh: makes sure the headless browser the page tests drive is installed: Debian's chromium and a
# CJK font (without one every Chinese character renders as an empty box). Installs them with apt-get when
# missing, like scripts/services.sh does the databases; idempotent; prints the browser's path on stdout.
set -Eeuo pipefail
log() { printf '[browser] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && { [ -t 0 ] || sudo -n true 2>/dev/null; }; then sudo "$@"
  else die "need root to run: $* (install chromium and fonts-wqy-microhei once, or run as root)"; fi
}

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-wqy-microhei 2>/dev/null | grep -q 'install ok installed' || missing+=(fonts-wqy-microhei)
if [ "${#missing[@]}" -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get"
  log "installing ${missing[*]} with apt (one-time)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${missing[@]}" >/dev/null
fi
command -v chromium
