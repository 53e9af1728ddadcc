# Sourced by scripts/e2e/setup.sh (and by its regression test): how an npm started from inside this
# project's scripts gets the environment of a fresh shell.
#
# Why: `npm run …` exports npm_config_* (user agent "npm/… node/v20 …", prefix, nodedir, globalconfig …)
# into the script it runs, and an inner `npm install` reads every npm_config_* variable as its own
# configuration. code-server's postinstall takes the Node major version from that user agent, so an inner
# install under Node 24 still said "node/v20" and refused. A clean environment, not a patched variable,
# so that no other npm_config_* value of the outer npm can leak in the same way.

# with_clean_npm_env NODE_BIN_DIR NODEDIR COMMAND…
#   Runs COMMAND with every npm_* / NPM_* variable and npm's NODE / INIT_CWD removed, the outer npm's
#   node_modules/.bin and node-gyp-bin folders dropped from PATH, NODE_BIN_DIR first on PATH (empty: keep
#   the PATH's Node) and, when NODEDIR is given, node-gyp compiling against that Node's headers.
with_clean_npm_env() {
  local node_bin_dir="$1" nodedir="$2"; shift 2
  local -a drop=()
  local name
  while IFS= read -r name; do
    case "${name,,}" in
      npm_*|node|init_cwd) drop+=(-u "$name") ;;
    esac
  done < <(compgen -e)
  local path="" dir
  local -a dirs
  IFS=: read -r -a dirs <<<"$PATH"
  for dir in "${dirs[@]}"; do
    case "$dir" in
      ""|*/node_modules/.bin|*/node-gyp-bin) ;;
      *) path="${path:+$path:}$dir" ;;
    esac
  done
  [ -n "$node_bin_dir" ] && path="$node_bin_dir:$path"
  local -a set=(PATH="$path")
  [ -n "$nodedir" ] && set+=(npm_config_nodedir="$nodedir")
  env "${drop[@]}" "${set[@]}" "$@"
}
