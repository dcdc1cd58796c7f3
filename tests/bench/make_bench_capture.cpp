// Writes a large synthetic capture for the whole-run benchmark: millions of Ethernet/IPv4
// packets in hundreds of thousands of interleaved TCP, UDP, SCTP and DCCP flows, in pcap
// or pcapng. Deterministic (fixed seed), so runs compare.
//
//   make_bench_capture --out FILE [--format pcap|pcapng] [--packets N] [--flows N]
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct Options {
  std::string out;
  bool pcapng = false;
  uint64_t packets = 4'000'000;
  uint64_t flows = 400'000;
};

// Servers the flows talk to: common services, a registered-but-rare one, an unassigned
// port and a dynamic one, so lookups hit every kind of table slot.
constexpr std::array<uint16_t, 10> kServerPorts = {443, 80, 53, 22, 25, 123, 8080, 3389, 4705, 50000};

uint64_t next_random(uint64_t& state) {  // splitmix64: fast and good enough for a workload
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

void put16(std::vector<uint8_t>& b, size_t at, uint16_t v) {
  b[at] = static_cast<uint8_t>(v >> 8);
  b[at + 1] = static_cast<uint8_t>(v);
}
void put32(std::vector<uint8_t>& b, size_t at, uint32_t v) {
  put16(b, at, static_cast<uint16_t>(v >> 16));
  put16(b, at + 2, static_cast<uint16_t>(v));
}

struct FlowSpec {
  uint32_t client_ip, server_ip;
  uint16_t client_port, server_port;
  uint8_t ip_protocol;
};

FlowSpec make_flow(uint64_t id, uint64_t& rng) {
  FlowSpec f{};
  f.client_ip = 0x0a000000u | static_cast<uint32_t>(id & 0xffffff);          // 10.x.x.x
  f.server_ip = 0xc6336400u | static_cast<uint32_t>(next_random(rng) % 200);  // 198.51.100.x
  f.client_port = static_cast<uint16_t>(49152 + next_random(rng) % 16000);
  f.server_port = kServerPorts[next_random(rng) % kServerPorts.size()];
  const uint64_t kind = next_random(rng) % 100;
  f.ip_protocol = kind < 70 ? 6 : kind < 98 ? 17 : kind < 99 ? 132 : 33;
  return f;
}

// Builds packet `index` of a flow: TCP opens with SYN / SYN-ACK, then data both ways.
size_t build_packet(std::vector<uint8_t>& b, const FlowSpec& f, uint64_t index, size_t size) {
  const bool from_client = index % 2 == 0;
  std::fill(b.begin(), b.begin() + static_cast<long>(size), 0);
  // Ethernet II
  b[5] = from_client ? 1 : 2;
  b[11] = from_client ? 2 : 1;
  put16(b, 12, 0x0800);
  // IPv4, no options
  b[14] = 0x45;
  put16(b, 16, static_cast<uint16_t>(size - 14));
  b[22] = 64;
  b[23] = f.ip_protocol;
  put32(b, 26, from_client ? f.client_ip : f.server_ip);
  put32(b, 30, from_client ? f.server_ip : f.client_ip);
  const size_t l4 = 34;
  put16(b, l4, from_client ? f.client_port : f.server_port);
  put16(b, l4 + 2, from_client ? f.server_port : f.client_port);
  switch (f.ip_protocol) {
    case 6: {
      b[l4 + 12] = 0x50;
      b[l4 + 13] = index == 0 ? 0x02 : index == 1 ? 0x12 : 0x18;  // SYN, SYN-ACK, PSH-ACK
      const char* hello = "GET / HTTP/1.1\r\nHost: bench\r\n\r\n";
      if (index == 2 && size >= l4 + 20 + std::strlen(hello)) {
        std::memcpy(&b[l4 + 20], hello, std::strlen(hello));
      }
      break;
    }
    case 17: put16(b, l4 + 4, static_cast<uint16_t>(size - l4)); break;
    case 132: b[l4 + 12] = index == 0 ? 1 : 0; break;  // chunk type INIT first, then DATA
    case 33: b[l4 + 4] = 3; b[l4 + 8] = index == 0 ? 0 : 2; break;  // offset; Request, Data
  }
  return size;
}

size_t packet_size(uint64_t index, uint64_t& rng) {
  if (index < 2) return 66;  // handshakes are small
  const uint64_t r = next_random(rng) % 100;
  return r < 45 ? 66 : r < 75 ? 590 : 1514;
}

class CaptureWriter {
 public:
  CaptureWriter(FILE* out, bool pcapng) : out_(out), pcapng_(pcapng) {
    if (pcapng_) {
      const uint32_t shb[7] = {0x0A0D0D0A, 28, 0x1A2B3C4D, 0x00000001, 0xffffffff, 0xffffffff, 28};
      std::fwrite(shb, sizeof shb, 1, out_);
      const uint32_t idb[5] = {1, 20, 1 /* LINKTYPE_ETHERNET, reserved 0 */, 65535, 20};
      std::fwrite(idb, sizeof idb, 1, out_);
    } else {
      const uint32_t header[6] = {0xa1b2c3d4, 0x00040002, 0, 0, 65535, 1};
      std::fwrite(header, sizeof header, 1, out_);
    }
  }
  void write(const uint8_t* data, size_t size, uint64_t micros) {
    const auto len = static_cast<uint32_t>(size);
    if (pcapng_) {
      const uint32_t padded = (len + 3) & ~3u;
      const uint32_t total = 32 + padded;
      const uint32_t head[7] = {6, total, 0, static_cast<uint32_t>(micros >> 32),
                                static_cast<uint32_t>(micros), len, len};
      std::fwrite(head, sizeof head, 1, out_);
      std::fwrite(data, 1, size, out_);
      static const uint8_t zeros[4] = {};
      std::fwrite(zeros, 1, padded - len, out_);
      std::fwrite(&total, sizeof total, 1, out_);
    } else {
      const uint32_t head[4] = {static_cast<uint32_t>(micros / 1000000),
                                static_cast<uint32_t>(micros % 1000000), len, len};
      std::fwrite(head, sizeof head, 1, out_);
      std::fwrite(data, 1, size, out_);
    }
  }

 private:
  FILE* out_;
  bool pcapng_;
};

bool parse_options(int argc, char** argv, Options& options) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    const char* value = argv[i + 1];
    if (flag == "--out") options.out = value;
    else if (flag == "--format") options.pcapng = std::string_view(value) == "pcapng";
    else if (flag == "--packets") options.packets = std::stoull(value);
    else if (flag == "--flows") options.flows = std::stoull(value);
    else return false;
  }
  return !options.out.empty() && options.flows > 0 && argc % 2 == 1;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!parse_options(argc, argv, options)) {
    std::fprintf(stderr,
                 "usage: %s --out FILE [--format pcap|pcapng] [--packets N] [--flows N]\n",
                 argv[0]);
    return 1;
  }
  FILE* out = std::fopen(options.out.c_str(), "wb");
  if (out == nullptr) {
    std::perror(options.out.c_str());
    return 2;
  }
  CaptureWriter writer(out, options.pcapng);
  std::vector<uint8_t> buffer(1514);
  uint64_t rng = 42;
  const uint64_t packets_per_flow = std::max<uint64_t>(2, options.packets / options.flows);
  // Flows are opened in batches and their packets interleaved, as on a busy link.
  constexpr uint64_t kBatch = 1000;
  uint64_t written = 0;
  uint64_t clock = 1'700'000'000'000'000ULL;
  std::vector<FlowSpec> batch;
  for (uint64_t first = 0; first < options.flows && written < options.packets; first += kBatch) {
    batch.clear();
    for (uint64_t id = first; id < std::min(options.flows, first + kBatch); ++id) {
      batch.push_back(make_flow(id, rng));
    }
    for (uint64_t index = 0; index < packets_per_flow && written < options.packets; ++index) {
      for (const FlowSpec& flow : batch) {
        const size_t size = build_packet(buffer, flow, index, packet_size(index, rng));
        writer.write(buffer.data(), size, clock += 7);
        if (++written == options.packets) break;
      }
    }
  }
  if (std::fclose(out) != 0) {
    std::perror(options.out.c_str());
    return 2;
  }
  std::fprintf(stderr, "%s: %llu packets\n", options.out.c_str(),
               static_cast<unsigned long long>(written));
  return 0;
}
