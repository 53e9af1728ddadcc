#!/usr/bin/env bash
# Installs the editors other than VS Code that test/editors/ drives, from Debian's packages:
#   - neovim (its built-in LSP client, headless),
#   - emacs-nox and elpa-eglot (Emacs 28 with Eglot, in batch mode).
# Idempotent: only missing packages are installed. Never reads stdin. Exit status is non-zero with a
# message on stderr when anything is missing afterwards.
set -euo pipefail

APT_PACKAGES=(neovim emacs-nox elpa-eglot)

log() { printf '[editors-setup] %s\n' "$*"; }
die() { printf '[editors-setup] ERROR: %s\n' "$*" >&2; exit 1; }
exec </dev/null
export DEBIAN_FRONTEND=noninteractive
start=$SECONDS

# shellcheck source=../lib/debian.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/debian.sh"
ensure_debian_packages "${APT_PACKAGES[@]}"
for tool in nvim emacs; do
  command -v "$tool" >/dev/null || die "$tool not on PATH after installing ${APT_PACKAGES[*]}"
done
log "editors: $(nvim --version | head -1); $(emacs --version | head -1)"
log "ready in $(( SECONDS - start )) s"
