#!/usr/bin/env bash
# Replaces the embedded registry snapshot, registry/service-names-port-numbers.xml, with
# the current official XML from IANA, and prints what changed (`pclassify-gen diff OLD NEW`).
#
#   scripts/fetch-registry.sh [--build DIR]     (default build dir: build/)
#
# The build compiles the built-in table from that file by default, so a rebuild afterwards
# picks the new snapshot up; commit the file to share it. Without network access, or when
# the download is not the registry (a proxy's error page), the snapshot is left as it is
# and the script exits 1 saying why.
set -euo pipefail

# PCLASSIFY_REGISTRY_URL overrides the address (a mirror, or file:///... for a local copy).
url="${PCLASSIFY_REGISTRY_URL:-https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xml}"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${repo_root}/build"
if [ "${1:-}" = "--build" ] && [ -n "${2:-}" ]; then build_dir="$2"; fi
dest="${repo_root}/registry/service-names-port-numbers.xml"
gen="${build_dir}/gen/pclassify-gen"

tmp="$(mktemp "${dest}.download.XXXXXX")"
trap 'rm -f "${tmp}"' EXIT

if ! curl --fail --silent --show-error --location --connect-timeout 10 --max-time 120 \
    --output "${tmp}" "${url}"; then
  echo "fetch-registry: could not download ${url} (no network?); ${dest} is unchanged" >&2
  exit 1
fi
if ! grep -q '<registry xmlns="http://www.iana.org/assignments" id="service-names-port-numbers"' "${tmp}"; then
  echo "fetch-registry: ${url} did not return the registry XML; ${dest} is unchanged" >&2
  exit 1
fi
if cmp -s "${tmp}" "${dest}"; then
  echo "fetch-registry: ${dest} is already the registry at ${url}; nothing to do"
  exit 0
fi

if [ -x "${gen}" ]; then
  # The diff also checks the download like the build will (a failed check keeps the old file).
  if ! "${gen}" diff "${dest}" "${tmp}"; then
    echo "fetch-registry: pclassify-gen rejected the download; ${dest} is unchanged" >&2
    exit 1
  fi
else
  echo "fetch-registry: ${gen} is not built; no diff shown (build first to see one)" >&2
fi
chmod 644 "${tmp}"
mv "${tmp}" "${dest}"
trap - EXIT
echo "fetch-registry: replaced ${dest} ($(wc -c < "${dest}") bytes);" \
     "rebuild (cmake --build ${build_dir}) to compile it in, and commit it to share it"
