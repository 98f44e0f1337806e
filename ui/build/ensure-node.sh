#!/usr/bin/env bash
# Makes sure Vaadin's frontend build finds the Node.js it is pinned to (ui/pom.xml, node.version).
#
# Vaadin accepts a matching major version on PATH, or its own install in ~/.vaadin/node-<version>. When neither
# exists, this fetches Node itself from the npm registry with the machine's npm (the packages node-linux-<arch>
# and npm), and unpacks them into exactly the layout Vaadin would have installed. Machines that can reach
# Vaadin's usual download host need none of this, and those with the right Node already skip it.
set -euo pipefail

version="${1:?usage: ensure-node.sh vMAJOR.MINOR.PATCH}"
major="${version#v}"; major="${major%%.*}"
target="${HOME}/.vaadin/node-${version}"

if command -v node >/dev/null 2>&1 && [[ "$(node --version)" == "v${major}."* ]]; then
  exit 0
fi
if [[ -x "${target}/bin/node" && -f "${target}/lib/node_modules/npm/bin/npm-cli.js" ]]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "ensure-node: Node ${version} is needed for the frontend build; install Node ${major} or npm, and build again." >&2
  exit 1
fi

case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64|arm64) arch=arm64 ;;
  *) echo "ensure-node: no Node package for architecture $(uname -m); install Node ${major} on PATH." >&2; exit 1 ;;
esac

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
echo "ensure-node: fetching Node ${version} (node-linux-${arch}) and npm 11 from the npm registry into ${target}"
(cd "${work}" && npm pack --silent "node-linux-${arch}@${version#v}" >/dev/null && npm pack --silent "npm@11" >/dev/null)

mkdir -p "${work}/node" "${work}/npm"
tar -xzf "${work}"/node-linux-"${arch}"-*.tgz -C "${work}/node"
tar -xzf "${work}"/npm-*.tgz -C "${work}/npm"

staging="${target}.partial"
rm -rf "${staging}"
mkdir -p "${staging}/bin" "${staging}/lib/node_modules"
cp "${work}/node/package/bin/node" "${staging}/bin/node"
chmod 755 "${staging}/bin/node"
mv "${work}/npm/package" "${staging}/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "${staging}/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "${staging}/bin/npx"
rm -rf "${target}"
mv "${staging}" "${target}"
"${target}/bin/node" --version
