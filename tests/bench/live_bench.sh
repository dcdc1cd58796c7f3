#!/bin/sh
# Live-path benchmark on the loopback interface (needs root or CAP_NET_RAW+CAP_NET_ADMIN).
#   1. packets/s: one UDP flow blasted to 127.0.0.1 for SECONDS while `pclassify -i lo`
#      runs; compares datagrams sent with packets pclassify counted and the kernel's drops.
#   2. flows/s: the same blaster cycling over SOCKETS source ports with --max-flows small,
#      so nearly every datagram starts a flow and evicts another.
# Usage: tests/bench/live_bench.sh [PCLASSIFY] [SECONDS] [SOCKETS]
set -eu
PCLASSIFY=${1:-build/classifier/cli/pclassify}
SECONDS_TO_RUN=${2:-5}
SOCKETS=${3:-4096}
PORT=${LIVE_BENCH_PORT:-47999}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# A UDP blaster in C (Python tops out near 50,000 datagrams/s, below pclassify): sends
# 64-byte datagrams to 127.0.0.1:PORT for SECONDS from SOCKETS sockets in turn, with
# sendmmsg batches of 64; prints the number sent.
cat >"$WORK/blast.c" <<'C'
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
int main(int argc, char** argv) {
  int port = atoi(argv[1]), count = atoi(argv[3]);
  double seconds = atof(argv[2]);
  int* fds = calloc(count, sizeof(int));
  for (int i = 0; i < count; ++i) fds[i] = socket(AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons(port)};
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  char payload[64];
  memset(payload, 'x', sizeof payload);
  struct iovec iov = {payload, sizeof payload};
  struct mmsghdr batch[64];
  for (int i = 0; i < 64; ++i) {
    memset(&batch[i], 0, sizeof batch[i]);
    batch[i].msg_hdr.msg_name = &to;
    batch[i].msg_hdr.msg_namelen = sizeof to;
    batch[i].msg_hdr.msg_iov = &iov;
    batch[i].msg_hdr.msg_iovlen = 1;
  }
  struct timespec now, end;
  clock_gettime(CLOCK_MONOTONIC, &end);
  end.tv_sec += (time_t)seconds;
  long long sent = 0;
  for (int i = 0;; i = (i + 1) % count) {
    int n = sendmmsg(fds[i], batch, count == 1 ? 64 : 1, 0);
    if (n > 0) sent += n;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (now.tv_sec > end.tv_sec || (now.tv_sec == end.tv_sec && now.tv_nsec >= end.tv_nsec)) break;
  }
  printf("%lld\n", sent);
  return 0;
}
C
cc -O2 -o "$WORK/blast" "$WORK/blast.c"
blast() { "$WORK/blast" "$PORT" "$SECONDS_TO_RUN" "$1"; }

run() {  # run NAME SOCKETS EXTRA_ARGS...
  name=$1; sockets=$2; shift 2
  "$PCLASSIFY" -i lo "$@" udp and dst port "$PORT" >"$WORK/$name.out" 2>"$WORK/$name.err" &
  pid=$!
  while ! grep -q "listening on" "$WORK/$name.err" 2>/dev/null; do sleep 0.05; done
  sent=$(blast "$sockets")
  sleep 1
  kill -INT "$pid"; wait "$pid"
  summary="$WORK/$name.out"  # the table's summary is on stdout, JSON's on stderr
  grep -q '^Packets: ' "$summary" || summary="$WORK/$name.err"
  read_count=$(sed -n 's/^Packets: \([0-9]*\) read.*/\1/p' "$summary")
  started=$(sed -n 's/^Flows: \([0-9]*\) started.*/\1/p' "$summary")
  evicted=$(sed -n 's/^Evictions: \([0-9]*\).*/\1/p' "$summary")
  kernel=$(grep '^Kernel:' "$summary" || true)
  echo "$name: sent $sent datagrams in ${SECONDS_TO_RUN}s ($((sent / SECONDS_TO_RUN))/s);" \
       "pclassify read $read_count; flows started $started, evicted $evicted; $kernel"
}

run packets 1
run flows "$SOCKETS" --max-flows 256 --idle-timeout udp:0
# Flow events cost most: the same with JSON lines (one object per start and end).
run flows_json "$SOCKETS" --max-flows 256 --idle-timeout udp:0 -o json
