#!/usr/bin/env bash
# Installs every Debian package pclassify needs to build, test and benchmark.
# Debian 12 (bookworm) and newer; needs root (or sudo).
set -euo pipefail

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(
  build-essential cmake pkg-config git ca-certificates curl
  libpcap-dev libexpat1-dev libglib2.0-dev
  libwireshark-dev tshark wireshark-common
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 tcpdump libndpi-bin
  clang libclang-rt-dev
)

# tshark's package asks whether non-root users may capture; answer without a prompt.
echo "wireshark-common wireshark-common/install-setuid boolean false" |
  sudo_if_needed debconf-set-selections
sudo_if_needed apt-get update -q
sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}"
