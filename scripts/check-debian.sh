#!/usr/bin/env bash
# Checks pclassify on another Debian release, as a new user there would meet it: in a
# debootstrap chroot of RELEASE, a fresh clone of this checkout (its committed HEAD) with
# ../shared beside it, both readable by an unprivileged user, then the README's two
# commands (its "Quick start" block; warnings are errors there, PCLASSIFY_WERROR=ON), or
# with --plugin-only the plugin against that release's Wireshark and the plugin tests with
# its tshark.
#
#   sudo scripts/check-debian.sh RELEASE [--plugin-only]     e.g. trixie, forky
#
# The chroot is kept in ${PCLASSIFY_CHROOT_DIR:-/var/tmp/pclassify-chroots}/RELEASE and
# reused; the clone inside it is made anew each run. Runs of the same release wait for each
# other (a lock). Packages come from the Debian mirror this machine's apt uses
# (PCLASSIFY_DEBIAN_MIRROR overrides it). Every bind mount is undone on every exit path.
# Prints each step's wall time; exits with the failing step's status.
set -euo pipefail

usage() { echo "usage: $0 RELEASE [--plugin-only]" >&2; exit 64; }
[ "$#" -ge 1 ] || usage
release="$1"; shift
plugin_only=false
for arg in "$@"; do
  case "${arg}" in
    --plugin-only) plugin_only=true ;;
    *) usage ;;
  esac
done
case "${release}" in *[!a-z0-9-]*|"") usage ;; esac
if [ "$(id -u)" -ne 0 ]; then echo "check-debian: needs root (debootstrap, chroot)" >&2; exit 1; fi

if ! command -v debootstrap >/dev/null; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap
fi

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared_dir="$(cd "${repo_root}/.." && pwd)/shared"
chroot_root="${PCLASSIFY_CHROOT_DIR:-/var/tmp/pclassify-chroots}"
target="${chroot_root}/${release}"
mkdir -p "${chroot_root}"

# One run per release at a time: a second one waits here for the first.
exec 9>"${chroot_root}/${release}.lock"
flock 9

say() { printf '== check-debian %s: %s\n' "${release}" "$*"; }
step_start=0
begin_step() { step_name="$1"; step_start=$(date +%s); say "${step_name} ..."; }
end_step() { say "${step_name}: $(( $(date +%s) - step_start )) s"; }

# The mirror: the first Debian archive URI the host's apt is set up with.
mirror="${PCLASSIFY_DEBIAN_MIRROR:-}"
if [ -z "${mirror}" ]; then
  mirror="$(grep -hoE '^URIs:[[:space:]]*[^[:space:]]+/debian/?$' /etc/apt/sources.list.d/*.sources 2>/dev/null |
            head -n1 | sed -E 's/^URIs:[[:space:]]*//')"
fi
if [ -z "${mirror}" ]; then
  mirror="$(grep -hoE '^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?[^[:space:]]+/debian/?[[:space:]]' \
            /etc/apt/sources.list 2>/dev/null | head -n1 | awk '{print $NF}')"
fi
[ -n "${mirror}" ] || { echo "check-debian: no Debian mirror in the host's apt sources; set PCLASSIFY_DEBIAN_MIRROR" >&2; exit 1; }

mounted=()
cleanup() {
  local status=$?
  local i
  for (( i=${#mounted[@]}-1; i>=0; i-- )); do
    umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" 2>/dev/null ||
      echo "check-debian: could not unmount ${mounted[i]}" >&2
  done
  exit "${status}"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bind() {  # bind SOURCE MOUNTPOINT-inside-target
  local point="${target}$2"
  mkdir -p "${point}"
  if mountpoint -q "${point}"; then umount -l "${point}"; fi  # left by a killed run
  mount --bind "$1" "${point}"
  mounted+=("${point}")
}

# --- 1. the chroot, made once ------------------------------------------------------------
if [ ! -f "${target}/.pclassify-chroot-ready" ]; then
  begin_step "debootstrap ${release} from ${mirror}"
  rm -rf "${target}"
  # An older debootstrap lacks scripts for newer releases; they bootstrap like sid.
  script_arg=()
  if [ ! -e "/usr/share/debootstrap/scripts/${release}" ]; then
    script_arg=(/usr/share/debootstrap/scripts/sid)
  fi
  debootstrap --variant=minbase --include=ca-certificates "${release}" "${target}" "${mirror}" \
    "${script_arg[@]}"
  # testing's (and sid's) Release file may carry a Valid-Until in these machines' past;
  # a stable release's must still be checked. Only testing and sid have no VERSION_ID.
  if ! grep -q '^VERSION_ID=' "${target}/etc/os-release"; then
    echo 'Acquire::Check-Valid-Until "false";' > "${target}/etc/apt/apt.conf.d/99pclassify-no-valid-until"
  fi
  # No service starts inside the chroot.
  printf '#!/bin/sh\nexit 101\n' > "${target}/usr/sbin/policy-rc.d"
  chmod 755 "${target}/usr/sbin/policy-rc.d"
  touch "${target}/.pclassify-chroot-ready"
  end_step
else
  say "reusing ${target}"
fi
cp /etc/resolv.conf "${target}/etc/resolv.conf"

bind /proc /proc
bind /sys /sys
bind /dev /dev
bind /dev/pts /dev/pts

# --- 2. a fresh clone with shared/ beside it, readable by anyone ---------------------------
begin_step "clone $(git -C "${repo_root}" rev-parse --short HEAD) into ${target}/srv/pclassify"
work="${target}/srv/pclassify"
rm -rf "${work}"
mkdir -p "${work}"
chmod 755 "${target}/srv" "${work}"
git -c safe.directory='*' clone -q --no-hardlinks "${repo_root}" "${work}/main"
if [ -d "${shared_dir}" ]; then
  cp -a "${shared_dir}" "${work}/shared"
  chmod -R a+rX "${work}/shared"
else
  say "no ${shared_dir}: tests that need it will skip"
fi
chmod -R a+rX "${work}/main"
end_step

in_chroot() {  # runs a bash script inside the chroot, in the clone, as root
  chroot "${target}" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive PCLASSIFY_WERROR=ON \
    /bin/bash -c "cd /srv/pclassify/main && $1"
}
say "$(. "${target}/etc/os-release"; echo "${PRETTY_NAME}")"

if "${plugin_only}"; then
  begin_step "install the dependencies"
  in_chroot "scripts/install-deps.sh"
  end_step
  begin_step "build pclassify.so against this release's Wireshark"
  in_chroot "cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPCLASSIFY_WERROR=ON -DPCLASSIFY_BENCHMARKS=OFF >/dev/null &&
             cmake --build build -j$(nproc) --target pclassify_plugin pclassify-gen pclassify"
  end_step
  begin_step "the plugin tests with this release's tshark"
  in_chroot "ctest --test-dir build --output-on-failure -j2 -L plugin"
  end_step
else
  # The README's two commands, exactly as its Quick start block writes them.
  mapfile -t commands < <(awk '/^## Quick start/{q=1} q&&/^```sh/{b=1;next} b&&/^```/{exit} b' \
                            "${work}/main/README.md" | sed -E 's/[[:space:]]+#.*$//' | grep -v '^[[:space:]]*$')
  [ "${#commands[@]}" -ge 2 ] || { echo "check-debian: README has no Quick start block with two commands" >&2; exit 1; }
  for command in "${commands[@]}"; do
    begin_step "README: ${command}"
    in_chroot "${command}"
    end_step
  done
fi
# What this release builds with, for the README's platform table.
in_chroot 'echo "== versions: g++ $(g++ -dumpfullversion); cmake $(cmake --version | head -n1 | cut -d" " -f3);" \
  $(dpkg-query -W -f "\${Package} \${Version}; " googletest libpcap0.8-dev libglib2.0-dev) \
  "tshark $(tshark --version | head -n1 | cut -d" " -f3)"'
say "all steps passed"
