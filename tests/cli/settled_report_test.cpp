// FlowReporter::settle: a flow whose payload is verified early (during the read, and its
// samples freed) reports exactly what it reports when verified at the end, on every
// project capture and every shared nDPI capture.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "decode/packet.h"
#include "flow/flow_tracker.h"
#include "capture/capture_reader.h"
#include "output/flow_report.h"
#include "services/service_table.h"

namespace pclassify::test {
namespace {

namespace fs = std::filesystem;

// Everything a writer shows of a report's label and payload, as one line.
std::string shown(const output::FlowReport& r) {
  std::string out = r.client_ip.to_string() + ":" + std::to_string(r.client_port) + " > " +
                    r.server_ip.to_string() + ":" + std::to_string(r.server_port) + " " +
                    output::service_or_status(*r.label) + " notes:";
  for (const Note& note : r.label->notes) out += " [" + note.text + "]";
  if (r.payload) {
    out += " verdict=" + std::string(verdict_name(r.payload->verdict)) + " protocol=" +
           std::string(r.payload->protocol) + " detail=" + r.payload->detail +
           " strong=" + std::to_string(r.payload->strong) + " reason=" +
           std::string(r.payload->reason);
  }
  return out;
}

// Reads `path` into a tracker (settling flows when `settle`) and reports every flow.
// Returns how many flows were settled through `settled`.
std::vector<std::string> reports_of(const fs::path& path, bool settle, size_t& settled) {
  FlowTracker::Options options;
  options.sample_payloads = true;
  FlowTracker tracker(options);
  output::FlowReporter reporter(tracker, ServiceTable::builtin());
  settled = 0;
  if (settle) {
    tracker.set_payloads_complete_handler([&](uint32_t index, const Flow&) {
      ++settled;
      return reporter.settle(index);
    });
  }
  std::string error;
  auto reader = capture::CaptureReader::open_file(path.string(), error);
  EXPECT_TRUE(reader) << path << ": " << error;
  if (!reader) return {};
  capture::CapturedPacket packet;
  while (reader->next(packet) == capture::ReadStatus::packet) {
    DecodedPacket decoded = decode_packet(packet.link_type, packet.data, packet.wire_length);
    tracker.add(decoded, packet.timestamp_ns, packet.wire_length);
  }
  std::vector<std::string> lines;
  for (uint32_t i = 0; i < tracker.flows().size(); ++i) lines.push_back(shown(reporter.report(i)));
  return lines;
}

std::vector<fs::path> captures_in(const fs::path& dir) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string ext = entry.path().extension().string();
    if (ext == ".pcap" || ext == ".pcapng") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void expect_same_reports(const std::vector<fs::path>& captures, size_t& total_settled) {
  total_settled = 0;
  for (const fs::path& capture : captures) {
    size_t settled = 0, unused = 0;
    const auto early = reports_of(capture, true, settled);
    const auto late = reports_of(capture, false, unused);
    EXPECT_EQ(unused, 0u);
    ASSERT_EQ(early.size(), late.size()) << capture;
    for (size_t i = 0; i < early.size(); ++i) {
      EXPECT_EQ(early[i], late[i]) << capture << " flow " << i;
    }
    total_settled += settled;
  }
}

TEST(SettledReports, ProjectCapturesReportTheSameWhenSettledEarly) {
  const auto captures = captures_in(fs::path(PCLASSIFY_SOURCE_DIR) / "pcaps");
  ASSERT_GT(captures.size(), 20u);
  size_t settled = 0;
  expect_same_reports(captures, settled);
  EXPECT_GT(settled, 0u) << "no project capture has a flow that settles: the test tests nothing";
}

TEST(SettledReports, SharedCapturesReportTheSameWhenSettledEarly) {
  const fs::path dir = fs::path(PCLASSIFY_SHARED_DIR) / "pcaps";
  const auto captures = captures_in(dir);
  if (captures.empty()) GTEST_SKIP() << dir << " is absent: the shared nDPI captures are not here";
  size_t settled = 0;
  expect_same_reports(captures, settled);
  EXPECT_GT(settled, 100u);
}

}  // namespace
}  // namespace pclassify::test
