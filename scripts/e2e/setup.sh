#!/usr/bin/env bash
# Installs everything the end-to-end tests need, outside the repository:
#   - Debian packages: chromium, fonts-noto-cjk, and the toolchain/-dev packages
#     code-server's native modules need to build;
#   - Node 24 (npm package `node`, which ships the binary) and code-server,
#     into ${BAOGAO_E2E_CACHE:-$HOME/.cache/baogao-e2e}.
# Idempotent: every piece is checked (by version, not only by existence) and
# only what is missing or wrong is (re)installed. Never reads stdin.
# Exit status is non-zero with a message on stderr when anything fails.
set -euo pipefail

NODE_VERSION="${BAOGAO_E2E_NODE_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${BAOGAO_E2E_CODE_SERVER_VERSION:-4.139.1}"
CACHE="${BAOGAO_E2E_CACHE:-$HOME/.cache/baogao-e2e}"
NODE_DIR="$CACHE/node-$NODE_VERSION"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"

APT_PACKAGES=(
  chromium fonts-noto-cjk
  # unzip: the tests unpack and inspect the packaged .vsix
  unzip
  # code-server's native modules (node-pty, kerberos, spdlog, ...) build with node-gyp:
  build-essential python3 pkg-config
  libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev
)

# shellcheck source=scripts/e2e/clean-npm-env.sh
. "$(dirname "${BASH_SOURCE[0]}")/clean-npm-env.sh"

log()  { printf '[e2e-setup] %s\n' "$*"; }
die()  { printf '[e2e-setup] ERROR: %s\n' "$*" >&2; exit 1; }
exec </dev/null   # CI has no stdin; make sure nothing can wait for input.
export DEBIAN_FRONTEND=noninteractive CI="${CI:-true}"

start=$(date +%s)
phase_start=$start
# Prints how long the phase that just ended took (the issue of a slow cold start is which phase).
phase_done() {
  local now; now=$(date +%s)
  log "phase '$1' took $(( now - phase_start )) s"
  phase_start=$now
}

# ---------------------------------------------------------------- Debian
# shellcheck source=../lib/debian.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/debian.sh"
ensure_debian_packages "${APT_PACKAGES[@]}"
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing after install"
cjk_fonts="$(fc-list :lang=zh family 2>/dev/null || true)"   # (no `| grep -q`: SIGPIPE + pipefail)
case "$cjk_fonts" in *Noto*CJK*) ;; *) die "no Noto CJK font visible to fontconfig (fonts-noto-cjk): Chinese would render as tofu";; esac
phase_done "Debian packages"
command -v npm >/dev/null || die "npm not found on PATH (needed to fetch node@$NODE_VERSION and code-server from the npm registry)"

# ---------------------------------------------------------------- Node 24
mkdir -p "$CACHE"
NODE_BIN="$NODE_DIR/node_modules/node/bin/node"
have_node=""
[ -x "$NODE_BIN" ] && have_node="$("$NODE_BIN" --version 2>/dev/null || true)"
if [ "$have_node" = "v$NODE_VERSION" ]; then
  log "Node: $NODE_BIN is $have_node (cached)"
else
  log "Node: installing node@$NODE_VERSION into $NODE_DIR (found: ${have_node:-none})"
  rm -rf "$NODE_DIR.tmp" && mkdir -p "$NODE_DIR.tmp"
  echo '{"private":true}' > "$NODE_DIR.tmp/package.json"
  ( cd "$NODE_DIR.tmp" && with_clean_npm_env "" "" npm install --no-audit --no-fund --loglevel=warn "node@$NODE_VERSION" ) \
    || die "npm install node@$NODE_VERSION failed"
  rm -rf "$NODE_DIR" && mv "$NODE_DIR.tmp" "$NODE_DIR"
  have_node="$("$NODE_BIN" --version 2>/dev/null || true)"
  [ "$have_node" = "v$NODE_VERSION" ] || die "installed node reports '${have_node}', expected v$NODE_VERSION"
  log "Node: $NODE_BIN is $have_node"
fi
# Headers for node-gyp: the `node` package pulls in node-<os>-<arch>, the full
# Node tarball (bin/, include/node/, ...). node-gyp would otherwise try to
# download them (no internet) or use ~/.npmrc's nodedir (the system Node 20).
NODE_PREFIX=""
for d in "$NODE_DIR"/node_modules/node/node_modules/node-*-* "$NODE_DIR"/node_modules/node-*-*; do
  if [ -f "$d/include/node/node_version.h" ] && grep -q "define NODE_MAJOR_VERSION ${NODE_VERSION%%.*}\$" "$d/include/node/node_version.h"; then
    NODE_PREFIX="$d"; break
  fi
done
[ -n "$NODE_PREFIX" ] \
  || die "Node ${NODE_VERSION} headers (include/node/node_version.h) not found under $NODE_DIR: native modules cannot be built without them"
log "Node: headers in $NODE_PREFIX/include/node"
phase_done "Node $NODE_VERSION"

# ---------------------------------------------------------------- code-server
CS_PKG="$CS_DIR/node_modules/code-server"
cs_ok() {
  [ -f "$CS_DIR/.baogao-e2e-complete" ] || return 1
  [ "$("$NODE_BIN" -p "require('$CS_PKG/package.json').version" 2>/dev/null)" = "$CODE_SERVER_VERSION" ] || return 1
  [ "$(cat "$CS_DIR/.baogao-e2e-complete")" = "node v$NODE_VERSION" ] || return 1
}
if cs_ok; then
  log "code-server: $CODE_SERVER_VERSION in $CS_DIR (cached, built for node v$NODE_VERSION)"
else
  log "code-server: installing code-server@$CODE_SERVER_VERSION into $CS_DIR with node v$NODE_VERSION (takes several minutes: native modules are compiled)"
  rm -rf "$CS_DIR.tmp" && mkdir -p "$CS_DIR.tmp"
  echo '{"private":true}' > "$CS_DIR.tmp/package.json"
  # npm must run on Node 24 with none of an outer npm's configuration (code-server's postinstall reads
  # the Node version from npm's user agent), and node-gyp must compile against Node 24's headers, not
  # the system ones (~/.npmrc may set nodedir=/usr: an ABI mismatch at run time).
  ( cd "$CS_DIR.tmp" \
    && with_clean_npm_env "$(dirname "$NODE_BIN")" "$NODE_PREFIX" \
       npm install --no-audit --no-fund --loglevel=warn "code-server@$CODE_SERVER_VERSION" ) \
    || die "npm install code-server@$CODE_SERVER_VERSION failed (see the npm/node-gyp output above; missing -dev packages are the usual cause)"
  rm -rf "$CS_DIR" && mv "$CS_DIR.tmp" "$CS_DIR"
  echo "node v$NODE_VERSION" > "$CS_DIR/.baogao-e2e-complete"
fi
# Smoke checks: version, and the native modules the server loads at start.
# (XDG dirs: code-server writes a default ~/.config/code-server/config.yaml otherwise.)
xdg="$(mktemp -d)"
got="$(XDG_CONFIG_HOME="$xdg/config" XDG_DATA_HOME="$xdg/data" "$NODE_BIN" "$CS_PKG/out/node/entry.js" --version 2>&1)" \
  || { rm -rf "$xdg"; die "code-server --version failed: $got"; }
rm -rf "$xdg"
got="$(printf '%s\n' "$got" | grep -E "^$CODE_SERVER_VERSION " | head -1 || true)"
[ -n "$got" ] || die "code-server --version did not report $CODE_SERVER_VERSION"
for m in node-pty @vscode/spdlog kerberos; do
  ( cd "$CS_PKG/lib/vscode" && "$NODE_BIN" -e "require('$m')" ) >/dev/null 2>&1 \
    || die "native module $m does not load under node v$NODE_VERSION (rm -rf $CS_DIR and re-run)"
done
log "code-server: $got"
phase_done "code-server $CODE_SERVER_VERSION"

log "ready in $(( $(date +%s) - start ))s — cache: $CACHE"
log "  node:        $NODE_BIN"
log "  code-server: $CS_PKG/out/node/entry.js"
log "  chromium:    $(/usr/bin/chromium --version 2>/dev/null || echo '?')"
