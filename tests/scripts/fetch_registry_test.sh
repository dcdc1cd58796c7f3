#!/usr/bin/env bash
# scripts/fetch-registry.sh on a scratch copy of the tree: served the older official XML
# (file:// URL, no network needed), it prints pclassify-gen's diff and replaces the embedded
# snapshot; served something that is not the registry, or nothing, it exits 1 and keeps it.
#   fetch_registry_test.sh SOURCE_DIR BUILD_DIR SHARED_DIR
set -euo pipefail
source_dir="$1" build_dir="$2" shared_dir="$3"
older="${shared_dir}/registry/service-names-port-numbers-2025-06-18.xml"
if [ ! -f "${older}" ]; then echo "SKIP: ${older} is absent"; exit 77; fi
if [ ! -x "${build_dir}/gen/pclassify-gen" ]; then echo "SKIP: pclassify-gen is not built"; exit 77; fi

scratch="$(mktemp -d)"
trap 'rm -rf "${scratch}"' EXIT
mkdir -p "${scratch}/scripts" "${scratch}/registry"
cp "${source_dir}/scripts/fetch-registry.sh" "${scratch}/scripts/"
snapshot="${scratch}/registry/service-names-port-numbers.xml"
cp "${source_dir}/registry/service-names-port-numbers.xml" "${snapshot}"
before="$(sha256sum < "${snapshot}")"
fail() { echo "FAIL: $*"; exit 1; }

# 1. Not the registry (a proxy's error page): refused, snapshot unchanged.
echo "<html>Service unavailable</html>" > "${scratch}/error.html"
if PCLASSIFY_REGISTRY_URL="file://${scratch}/error.html" \
   bash "${scratch}/scripts/fetch-registry.sh" --build "${build_dir}" 2> "${scratch}/err"; then
  fail "an error page was accepted"
fi
grep -q "did not return the registry XML" "${scratch}/err" || fail "no reason given: $(cat "${scratch}/err")"
[ "$(sha256sum < "${snapshot}")" = "${before}" ] || fail "the snapshot changed after a refused download"

# 2. Nothing there (as without network): exit 1, snapshot unchanged.
if PCLASSIFY_REGISTRY_URL="file://${scratch}/absent.xml" \
   bash "${scratch}/scripts/fetch-registry.sh" --build "${build_dir}" 2> "${scratch}/err"; then
  fail "a failed download exited 0"
fi
grep -q "could not download" "${scratch}/err" || fail "no reason given: $(cat "${scratch}/err")"
[ "$(sha256sum < "${snapshot}")" = "${before}" ] || fail "the snapshot changed after a failed download"

# 3. A real registry: the diff from the current snapshot to it is printed, then it replaces it.
PCLASSIFY_REGISTRY_URL="file://${older}" \
  bash "${scratch}/scripts/fetch-registry.sh" --build "${build_dir}" > "${scratch}/out"
grep -q "^old: .*(last updated 2026-08-17, 14533 records)" "${scratch}/out" || fail "no diff header: $(head -3 "${scratch}/out")"
grep -q "^new: .*(last updated 2025-06-18, 14479 records)" "${scratch}/out" || fail "no diff header: $(head -3 "${scratch}/out")"
cmp -s "${older}" "${snapshot}" || fail "the snapshot was not replaced"
grep -q "replaced ${snapshot}" "${scratch}/out" || fail "no word of the replacement"

# 4. The same again: nothing to do.
PCLASSIFY_REGISTRY_URL="file://${older}" \
  bash "${scratch}/scripts/fetch-registry.sh" --build "${build_dir}" > "${scratch}/out"
grep -q "is already the registry at" "${scratch}/out" || fail "unchanged download not recognised"
echo "fetch-registry.sh: refused an error page, kept the snapshot without a download, diffed and replaced it"
