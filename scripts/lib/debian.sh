# Sourced by the setup scripts (scripts/e2e/setup.sh, scripts/print/setup.sh); needs log and die defined.
# ensure_debian_packages PKG…: installs the packages that are not installed yet (apt-get as root or with
# passwordless sudo, waiting up to 10 minutes for another apt to finish), or says what to run.
ensure_debian_packages() {
  command -v dpkg-query >/dev/null || die "dpkg-query not found: this script supports Debian/Ubuntu only."
  local missing=() p
  for p in "$@"; do
    if [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)" != "installed" ]; then missing+=("$p"); fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    log "Debian packages: all present ($*)"
    return 0
  fi
  local sudo=()
  if [ "$(id -u)" = 0 ]; then sudo=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=(sudo -n)
  else die "missing Debian packages: ${missing[*]} — run as root (or with passwordless sudo): apt-get install -y ${missing[*]}"
  fi
  log "Debian packages missing: ${missing[*]} — apt-get update + install"
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -q || die "apt-get update failed"
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}" \
    || die "apt-get install failed for: ${missing[*]}"
}
