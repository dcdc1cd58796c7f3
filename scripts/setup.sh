#!/usr/bin/env bash
# From a fresh Debian 12 machine to a labelled capture: installs the packages, picks the
# registry, builds everything into build/, and runs pclassify on a capture.
#
#   scripts/setup.sh [CAPTURE...]
#
# PCLASSIFY_REGISTRY=FILE[;FILE...] names the registry files to compile in; without it the
# current official XML is fetched from IANA when the network allows (else the build falls
# back to Wireshark's services file and says so).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

cmake_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
if [ -n "${PCLASSIFY_REGISTRY:-}" ]; then
  cmake_args+=("-DPCLASSIFY_REGISTRY=${PCLASSIFY_REGISTRY}")
else
  scripts/fetch-registry.sh
fi
cmake -S . -B build "${cmake_args[@]}"
cmake --build build -j"$(nproc)"

# The main job: label every flow of the given captures (default: the project's own
# captures, one per link type, tunnel and transport).
if [ "$#" -gt 0 ]; then captures=("$@"); else captures=(pcaps/*.pcap pcaps/*.pcapng); fi
build/classifier/cli/pclassify --registry-info
echo "== pclassify ${captures[*]}"
build/classifier/cli/pclassify "${captures[@]}"
