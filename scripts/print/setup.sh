#!/usr/bin/env bash
# Installs what the print-proof tests (test/print/) and `npm run print:pages` need, from Debian's packages:
#   - libreoffice-writer (soffice --headless --convert-to pdf: the DOCX as LibreOffice prints it),
#   - chromium (--headless --print-to-pdf: the HTML as a browser prints it),
#   - poppler-utils (pdftotext -bbox reads the printed lines back; pdftoppm draws PNG pages),
#   - free Chinese fonts standing in for the GB/T 9704 fonts (README.md, Fonts):
#     fonts-noto-cjk (Noto Serif CJK SC for 宋体/仿宋/小标宋, Noto Sans CJK SC for 黑体),
#     fonts-arphic-gkai00mp (AR PL KaitiM GB, a GB2312 楷体).
# Idempotent: only missing packages are installed. Never reads stdin. Prints each phase's time.
# Exit status is non-zero with a message on stderr when anything is missing afterwards.
set -euo pipefail

APT_PACKAGES=(libreoffice-writer poppler-utils chromium fonts-noto-cjk fonts-arphic-gkai00mp)

log() { printf '[print-setup] %s\n' "$*"; }
die() { printf '[print-setup] ERROR: %s\n' "$*" >&2; exit 1; }
exec </dev/null   # CI has no stdin; nothing may wait for input.
export DEBIAN_FRONTEND=noninteractive

start=$SECONDS
phase_start=$SECONDS
phase_done() { log "$1 took $(( SECONDS - phase_start )) s"; phase_start=$SECONDS; }

# shellcheck source=../lib/debian.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/debian.sh"
ensure_debian_packages "${APT_PACKAGES[@]}"
phase_done "Debian packages"

for tool in soffice pdftotext pdftoppm chromium fc-list; do
  command -v "$tool" >/dev/null || die "$tool not on PATH after installing ${APT_PACKAGES[*]}"
done
zh_fonts="$(fc-list :lang=zh family 2>/dev/null || true)"   # (no `| grep -q`: SIGPIPE + pipefail)
case "$zh_fonts" in *"Noto Serif CJK SC"*) ;; *) die "Noto Serif CJK SC not visible to fontconfig (fonts-noto-cjk)";; esac
case "$zh_fonts" in *"AR PL KaitiM GB"*) ;; *) die "AR PL KaitiM GB not visible to fontconfig (fonts-arphic-gkai00mp)";; esac
log "tools: $(soffice --version 2>/dev/null | head -1); $(chromium --version 2>/dev/null | head -1); pdftotext $(pdftotext -v 2>&1 | head -1 | awk '{print $3}')"
phase_done "checks"
log "ready in $(( SECONDS - start )) s"
