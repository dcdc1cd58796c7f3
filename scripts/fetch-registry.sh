#!/usr/bin/env bash
# Fetches IANA's Service Name and Transport Protocol Port Number Registry (XML) into
# .cache/registry/, where the build finds it when -DPCLASSIFY_REGISTRY is not given
# (classifier/services/BuiltinTable.cmake). Without network access it says so and exits 0:
# the build then falls back to Wireshark's services file and warns.
set -u

url="https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xml"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest_dir="${repo_root}/.cache/registry"
dest="${dest_dir}/service-names-port-numbers.xml"

mkdir -p "${dest_dir}"
tmp="$(mktemp "${dest_dir}/.download.XXXXXX")"
trap 'rm -f "${tmp}"' EXIT

if ! curl --fail --silent --show-error --location --connect-timeout 10 --max-time 60 \
    --output "${tmp}" "${url}"; then
  echo "fetch-registry: could not download ${url} (no network?); keeping what is in ${dest_dir}" >&2
  exit 0
fi
# A proxy's error page is not the registry: keep the old copy unless this looks like it.
if ! grep -q '<registry xmlns="http://www.iana.org/assignments" id="service-names-port-numbers"' "${tmp}"; then
  echo "fetch-registry: ${url} did not return the registry XML; not replacing ${dest}" >&2
  exit 0
fi
mv "${tmp}" "${dest}"
trap - EXIT
echo "fetch-registry: saved ${dest} ($(wc -c < "${dest}") bytes); reconfigure the build to use it"
