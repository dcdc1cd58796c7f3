#!/usr/bin/env bash
# From a fresh Debian 12 or 13 machine to a labelled capture: installs the packages, picks the
# registry, builds everything into build/, and runs pclassify on a capture.
#
#   scripts/setup.sh [CAPTURE...]
#
# PCLASSIFY_REGISTRY=FILE[;FILE...] names the registry files to compile in; without it the
# build uses the official IANA XML committed in registry/ (no network needed).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

# PCLASSIFY_WERROR=ON (CI, scripts/check-debian.sh) makes every compiler warning an error.
cmake_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DPCLASSIFY_WERROR=${PCLASSIFY_WERROR:-OFF}")
if [ -n "${PCLASSIFY_REGISTRY:-}" ]; then
  cmake_args+=("-DPCLASSIFY_REGISTRY=${PCLASSIFY_REGISTRY}")
fi
cmake -S . -B build "${cmake_args[@]}"
cmake --build build -j"$(nproc)"

# The main job: label every flow of the given captures (default: the project's own
# captures, one per link type, tunnel and transport).
if [ "$#" -gt 0 ]; then captures=("$@"); else captures=(pcaps/*.pcap pcaps/*.pcapng); fi
build/classifier/cli/pclassify --registry-info
echo "== pclassify ${captures[*]}"
build/classifier/cli/pclassify "${captures[@]}"
