#!/usr/bin/env bash
# The TypeScript types the browser shares with the server, generated, never copied (ui/pom.xml runs this).
#
#   frontend-contracts.sh generate NODE_VERSION SCHEMA_DIR OUT_DIR TOOL_DIR
#       json-schema-to-typescript (pinned in build/contract-types/package.json, installed through npm into TOOL_DIR)
#       turns each SCHEMA_DIR/<name>.schema.json (written by ContractSchemaFiles) into OUT_DIR/<name>.ts.
#   frontend-contracts.sh check NODE_VERSION
#       tsc --noEmit over the frontend sources (Vaadin's tsconfig.json, after its frontend build installed
#       TypeScript): a component that no longer matches a generated type fails the build here.
set -euo pipefail

mode="${1:?usage: frontend-contracts.sh generate|check NODE_VERSION …}"
version="${2:?the Node version, e.g. v24.17.0}"
major="${version#v}"; major="${major%%.*}"
here="$(cd "$(dirname "$0")" && pwd)"
ui="$(dirname "${here}")"

# the Node that build/ensure-node.sh made sure of: a matching one on PATH, else Vaadin's own install
if ! { command -v node >/dev/null 2>&1 && [[ "$(node --version)" == "v${major}."* ]]; }; then
  export PATH="${HOME}/.vaadin/node-${version}/bin:${PATH}"
fi

case "${mode}" in
  generate)
    schemas="${3:?schema directory}"; out="${4:?output directory}"; tools="${5:?tool directory}"
    mkdir -p "${tools}"
    if [[ ! -x "${tools}/node_modules/.bin/json2ts" ]] \
        || ! cmp -s "${here}/contract-types/package.json" "${tools}/package.json"; then
      cp "${here}/contract-types/package.json" "${tools}/package.json"
      (cd "${tools}" && npm install --no-package-lock --no-audit --no-fund --loglevel=error)
    fi
    rm -rf "${out}"
    mkdir -p "${out}"
    for schema in "${schemas}"/*.schema.json; do
      name="$(basename "${schema}" .schema.json)"
      "${tools}/node_modules/.bin/json2ts" --input "${schema}" --output "${out}/${name}.ts" \
        --unreachableDefinitions \
        --bannerComment "/* Generated at build time from ${name}.schema.json by json-schema-to-typescript (ui/build/frontend-contracts.sh): do not edit. */"
    done
    echo "frontend-contracts: generated $(ls "${out}" | tr '\n' ' ')"
    ;;
  check)
    cd "${ui}"
    if [[ ! -f node_modules/typescript/bin/tsc || ! -f tsconfig.json ]]; then
      echo "frontend-contracts: ui/node_modules or ui/tsconfig.json is missing (Vaadin's frontend build did not run;" \
        "the pom's frontend-modules-missing profile forces it when node_modules is gone):" \
        "build once with -Dvaadin.force.production.build=true" >&2
      exit 1
    fi
    node node_modules/typescript/bin/tsc --noEmit -p tsconfig.json
    echo "frontend-contracts: the frontend sources type-check against the generated contracts"
    ;;
  *)
    echo "frontend-contracts: unknown mode ${mode}" >&2
    exit 2
    ;;
esac
