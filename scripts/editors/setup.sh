#!/usr/bin/env bash
# Installs the editors other than VS Code that test/editors/ drives, from Debian's packages:
#   - neovim (its built-in LSP client, headless),
#   - emacs-nox with elpa-eglot and elpa-lsp-mode (Emacs 28 with Eglot 1.9, and with lsp-mode 8.0, in batch mode),
#   - vim and vim-ale (Vim 9 with ALE 3.3, an LSP client, in silent Ex mode).
# Idempotent: only missing packages are installed. Never reads stdin. Exit status is non-zero with a
# message on stderr when anything is missing afterwards.
set -euo pipefail

APT_PACKAGES=(neovim emacs-nox elpa-eglot elpa-lsp-mode vim vim-ale)

log() { printf '[editors-setup] %s\n' "$*"; }
die() { printf '[editors-setup] ERROR: %s\n' "$*" >&2; exit 1; }
exec </dev/null
export DEBIAN_FRONTEND=noninteractive
start=$SECONDS

# shellcheck source=../lib/debian.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/debian.sh"
ensure_debian_packages "${APT_PACKAGES[@]}"
# Vim by its own name: neovim also provides the `vim` alternative, which may point to nvim (as it does
# after vim is removed and installed again, or when neovim came first).
for tool in nvim emacs vim.basic; do
  command -v "$tool" >/dev/null || die "$tool not on PATH after installing ${APT_PACKAGES[*]}"
done
for feature in eglot lsp-mode; do
  emacs --batch --eval "(require '$feature)" >/dev/null 2>&1 || die "Emacs cannot load $feature after installing ${APT_PACKAGES[*]}"
done
# ALE needs Vim's jobs and timers; Debian puts it where `packadd ale` finds it.
vim.basic --version | grep -q '+job' && vim.basic --version | grep -q '+timers' || die "this vim has no +job/+timers, which ALE needs: install vim (or vim-nox)"
[ -f /usr/share/vim/vimfiles/pack/dist-bundle/opt/ale/plugin/ale.vim ] || die "ALE not where packadd finds it (/usr/share/vim/vimfiles/pack/dist-bundle/opt/ale) after installing vim-ale"
log "editors: $(nvim --version | head -1); $(emacs --version | head -1) with Eglot $(dpkg-query -W -f='${Version}' elpa-eglot) and lsp-mode $(dpkg-query -W -f='${Version}' elpa-lsp-mode); $(vim.basic --version | head -1); ALE $(dpkg-query -W -f='${Version}' vim-ale)"
log "ready in $(( SECONDS - start )) s"
