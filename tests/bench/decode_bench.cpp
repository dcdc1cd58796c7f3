// decode_packet on the packets that dominate real captures. Reports ns/packet (Google
// Benchmark's time per iteration; one iteration decodes one packet) and packets/s.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "decode/packet.h"

namespace {

using Bytes = std::vector<uint8_t>;

void put16(Bytes& b, unsigned v) {
  b.push_back(static_cast<uint8_t>(v >> 8));
  b.push_back(static_cast<uint8_t>(v));
}

Bytes ethernet_header(unsigned ethertype) {
  Bytes b = {0x02, 0, 0, 0, 0, 1, 0x02, 0, 0, 0, 0, 2};
  put16(b, ethertype);
  return b;
}

// Ethernet / IPv4 / TCP (with the usual 12 bytes of timestamp options) / 1000 bytes.
Bytes ethernet_ipv4_tcp() {
  Bytes b = ethernet_header(0x0800);
  const unsigned tcp_length = 32, payload = 1000;
  b.insert(b.end(), {0x45, 0});
  put16(b, 20 + tcp_length + payload);
  b.insert(b.end(), {0x12, 0x34, 0x40, 0x00, 64, 6, 0, 0, 192, 0, 2, 1, 198, 51, 100, 7});
  put16(b, 49152);
  put16(b, 443);
  b.insert(b.end(), {0, 0, 0, 1, 0, 0, 0, 1, (tcp_length / 4) << 4, 0x18, 0xFF, 0xFF, 0, 0, 0, 0});
  b.insert(b.end(), {1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2});
  b.insert(b.end(), payload, 0xAB);
  return b;
}

// Ethernet / IPv6 / UDP / 100 bytes (DNS- or QUIC-sized).
Bytes ethernet_ipv6_udp() {
  Bytes b = ethernet_header(0x86DD);
  const unsigned payload = 100;
  b.insert(b.end(), {0x60, 0, 0, 0});
  put16(b, 8 + payload);
  b.insert(b.end(), {17, 64});
  for (int i = 0; i < 32; ++i) b.push_back(static_cast<uint8_t>(i));
  put16(b, 53000);
  put16(b, 53);
  put16(b, 8 + payload);
  put16(b, 0);
  b.insert(b.end(), payload, 0xCD);
  return b;
}

void run(benchmark::State& state, const Bytes& packet) {
  const auto wire = static_cast<uint32_t>(packet.size());
  for (auto _ : state) {
    pclassify::DecodedPacket p = pclassify::decode_packet(1, packet, wire);
    benchmark::DoNotOptimize(p);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_DecodeEthernetIpv4Tcp(benchmark::State& state) { run(state, ethernet_ipv4_tcp()); }
void BM_DecodeEthernetIpv6Udp(benchmark::State& state) { run(state, ethernet_ipv6_udp()); }

BENCHMARK(BM_DecodeEthernetIpv4Tcp);
BENCHMARK(BM_DecodeEthernetIpv6Udp);

}  // namespace
