#!/usr/bin/env bash
# Regenerates the screenshots in plugin/screenshots/ (shown by plugin/README.md) from a real
# Wireshark: wireshark-qt on an Xvfb display, with the built plugin and the pclassify
# profile, pictures taken with ImageMagick's import, keys sent with xdotool.
# On demand only, not in CI:
#
#   apt-get install wireshark-qt xvfb imagemagick xdotool   # once
#   scripts/plugin-screenshots.sh [BUILD_DIR]               # default: build
#
# Needs the shared captures (PCLASSIFY_SHARED_DIR, default ../shared beside the checkout).
# Wireshark ignores WIRESHARK_PLUGIN_DIR for root, so as root it runs Wireshark as the
# unprivileged user the plugin tests use (pclassify-test, created if missing).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$(cd "${1:-${repo_root}/build}" && pwd)"
plugin="${build}/plugin/pclassify.so"
shared="${PCLASSIFY_SHARED_DIR:-${repo_root}/../shared}"
out="${repo_root}/plugin/screenshots"
for tool in wireshark Xvfb import xdotool pkg-config; do
  command -v "${tool}" >/dev/null || { echo "plugin-screenshots: ${tool} is missing" >&2; exit 1; }
done
[ -f "${plugin}" ] || { echo "plugin-screenshots: build ${plugin} first" >&2; exit 1; }
[ -d "${shared}/pcaps" ] || {
  echo "plugin-screenshots: no captures in ${shared}/pcaps" >&2; exit 1; }
abi="$(pkg-config --modversion wireshark | cut -d. -f1,2)"

# A throwaway home: the plugin, the profile as `cmake --install` puts it for one user, and
# the captures, all readable by the user Wireshark runs as.
stage="$(mktemp -d /tmp/pclassify-screenshots.XXXXXX)"
chmod 755 "${stage}"
xvfb_pid=""
cleanup() {
  [ -n "${xvfb_pid}" ] && kill "${xvfb_pid}" 2>/dev/null || true
  rm -rf "${stage}"
}
trap cleanup EXIT
mkdir -p "${stage}/plugins/${abi}/epan" "${stage}/home/.config/wireshark/profiles" "${stage}/pcaps"
cp "${plugin}" "${stage}/plugins/${abi}/epan/"
cp -r "${repo_root}/plugin/profile/pclassify" "${stage}/home/.config/wireshark/profiles/"
# recent_common holds the window geometry the pictures are made at.
printf '%s\n' "gui.geometry_main_x: 0" "gui.geometry_main_y: 0" \
  "gui.geometry_main_width: 1280" "gui.geometry_main_height: 800" \
  "gui.geometry_main_maximized: FALSE" > "${stage}/home/.config/wireshark/recent_common"
cp "${shared}/pcaps/tls_port_80.pcapng" "${shared}/pcaps/bittorrent.pcap" "${stage}/pcaps/"
chmod -R a+rX "${stage}"
mkdir -m 700 "${stage}/home/runtime"  # Qt wants XDG_RUNTIME_DIR private

as_user=()
if [ "$(id -u)" -eq 0 ]; then
  id pclassify-test >/dev/null 2>&1 || useradd --system -M -s /usr/sbin/nologin pclassify-test
  chown -R pclassify-test: "${stage}/home"
  as_user=(setpriv --reuid=pclassify-test --regid=pclassify-test --clear-groups)
fi

display=":$(( 90 + RANDOM % 9 ))"
Xvfb "${display}" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 2

# Runs Wireshark as that user on the display; prints its pid.
start_wireshark() {
  "${as_user[@]}" env -i PATH=/usr/bin:/bin HOME="${stage}/home" \
    XDG_CONFIG_HOME="${stage}/home/.config" XDG_RUNTIME_DIR="${stage}/home/runtime" LANG=C.UTF-8 \
    DISPLAY="${display}" QT_QPA_PLATFORM=xcb WIRESHARK_PLUGIN_DIR="${stage}/plugins" \
    wireshark -C pclassify "$@" >/dev/null 2>&1 &
  echo $!
}

# Waits for a window whose title matches $1; prints its id.
wait_window() {
  for _ in $(seq 1 60); do
    id="$(DISPLAY="${display}" xdotool search --onlyvisible --name "$1" 2>/dev/null || true)"
    id="$(echo "${id}" | tail -n1)"
    if [ -n "${id}" ]; then
      echo "${id}"; return 0
    fi
    sleep 1
  done
  echo "plugin-screenshots: no window named $1" >&2; return 1
}

keys() { DISPLAY="${display}" xdotool key --delay 150 "$@"; }

# A window as a small PNG (8-bit palette: screenshots of a UI compress well that way).
shoot() {
  DISPLAY="${display}" import -window "$1" "${stage}/shot.png"
  convert "${stage}/shot.png" -colors 128 "png8:${out}/$2"
  echo "plugin-screenshots: ${out}/$2 ($(stat -c %s "${out}/$2") bytes)"
}

mkdir -p "${out}"

# Without a window manager keyboard focus follows the pointer, so the script clicks: the
# positions are those of Wireshark's main window at 1280x800 in the top left corner (as
# recent_common above places it), with the menu bar, tool bar and filter bar of 4.0.
click() { DISPLAY="${display}" xdotool mousemove "$1" "$2" click 1; sleep "${3:-1}"; }

# 1. The packet list with the profile's columns and colours, the contradicted frame
#    selected and its pclassify subtree (the last item of the packet details) expanded.
pid="$(start_wireshark -o gui.layout_content_3:NONE -r "${stage}/pcaps/tls_port_80.pcapng" -g 12)"
window="$(wait_window 'tls_port_80')"
sleep 3
click 200 440          # the first item of the packet details
keys End shift+Right   # the last item, expanded with its subtrees
sleep 1
shoot "${window}" packet-list.png
kill "${pid}" 2>/dev/null || true

# 2. Statistics › pclassify on a capture with several services and verdicts.
pid="$(start_wireshark -r "${stage}/pcaps/bittorrent.pcap")"
window="$(wait_window 'bittorrent')"
sleep 3
click 325 10           # Statistics
click 347 713 4        # pclassify, the menu's last item
dialog="$(wait_window '· pclassify ·')"
DISPLAY="${display}" xdotool windowmove "${dialog}" 0 0 windowsize "${dialog}" 820 780
sleep 1
click 120 60           # a row of the tree, then back to its top
keys Home
sleep 1
shoot "${dialog}" statistics.png
kill "${pid}" 2>/dev/null || true
