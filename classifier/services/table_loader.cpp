// ServiceTable::load: parses the table text format (TABLE_FORMAT.md). The bytes are
// untrusted (a table file given at run time): every field is checked, and the first
// problem is reported as "ORIGIN:LINE: message" with no table returned.
#include <algorithm>
#include <bit>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "services/service_table_impl.h"

namespace pclassify {
namespace {

constexpr std::string_view kMagic = "pclassify-service-table";
constexpr std::string_view kVersion = "1";
constexpr size_t kSourceFields = 6;   // source INDEX FILE DATE SHA256 RECORDS
constexpr size_t kRecordFields = 20;  // record + the 19 columns of TABLE_FORMAT.md
constexpr size_t kEndFields = 2;      // end COUNT
constexpr size_t kMinRecordLine = 6 + (kRecordFields - 1) + 1;  // "record", TABs, '\n'

// Thrown inside the parser, caught in load(): carries "LINE: message" parts.
struct ParseError {
  int line;
  std::string message;
};

// A line's TAB-separated fields, without allocating (the loader splits 14,000 lines at
// start-up): the positions of the first kRecordFields TABs, and the count of all of them,
// so that a line with too many fields is reported with its real count.
class Fields {
 public:
  explicit Fields(std::string_view line) : line_(line) {
    // Eight bytes at a time (SWAR): the scan for TABs was most of the loader's time when
    // done byte by byte. A byte of `word ^ kTabs` is zero exactly where `word` holds a TAB;
    // the zero-byte test sets that byte's high bit, with no false positives.
    constexpr uint64_t kTabs = 0x0909090909090909ULL;
    constexpr uint64_t kLow7 = 0x7f7f7f7f7f7f7f7fULL;
    size_t i = 0;
    for (; i + 8 <= line.size(); i += 8) {
      uint64_t word = 0;
      std::memcpy(&word, line.data() + i, sizeof word);
      const uint64_t x = word ^ kTabs;
      uint64_t tab_bits = ~(((x & kLow7) + kLow7) | x | kLow7);
      while (tab_bits != 0) {
        // The first byte in memory is the lowest on little-endian machines, the highest on
        // big-endian ones.
        if constexpr (std::endian::native == std::endian::little) {
          add_tab(i + static_cast<size_t>(std::countr_zero(tab_bits)) / 8);
          tab_bits &= tab_bits - 1;
        } else {
          const int bit = std::countl_zero(tab_bits);
          add_tab(i + static_cast<size_t>(bit) / 8);
          tab_bits &= ~(uint64_t{1} << (63 - bit));
        }
      }
    }
    for (; i < line.size(); ++i) {
      if (line[i] == '\t') add_tab(i);
    }
  }
  size_t size() const { return tabs_ + 1; }
  // Field i, for i < min(size(), kRecordFields).
  std::string_view operator[](size_t i) const {
    const size_t begin = i == 0 ? 0 : tab_at_[i - 1] + 1;
    const size_t end = i < tabs_ ? tab_at_[i] : line_.size();
    return line_.substr(begin, end - begin);
  }

 private:
  void add_tab(size_t at) {
    if (tabs_ < kRecordFields) tab_at_[tabs_] = at;
    ++tabs_;
  }

  std::string_view line_;
  size_t tabs_ = 0;
  size_t tab_at_[kRecordFields];  // only the first min(tabs_, kRecordFields) are set
};

template <typename Number>
bool parse_number(std::string_view text, Number& out) {
  if (text.empty()) return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

std::optional<ServiceStatus> status_from_name(std::string_view s) {
  for (ServiceStatus v : {ServiceStatus::assigned, ServiceStatus::reserved,
                          ServiceStatus::unassigned, ServiceStatus::deassigned}) {
    if (service_status_name(v) == s) return v;
  }
  return std::nullopt;
}

class Parser {
 public:
  explicit Parser(TableData& impl) : impl_(impl) {}

  void parse() {
    const std::string_view text = impl_.text;
    // About one record a line: reserving saves the vector's regrowth copies. Capped by
    // what the bytes could hold as record lines, so that a file of empty lines (rejected
    // at its second line) cannot make this reserve more than a valid file of its size.
    const auto lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
    impl_.records.reserve(std::min(lines, text.size() / kMinRecordLine));
    size_t at = 0;
    bool ended = false;
    while (at < text.size()) {
      size_t end = text.find('\n', at);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(at, end - at);
      at = end + 1;
      ++line_;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (ended) {
        if (!line.empty()) fail("text after the 'end' line");
        continue;
      }
      ended = parse_line(line);
    }
    if (line_ == 0) fail("empty table: expected the header line");
    if (!ended) fail("the table stops before its 'end' line (truncated file?)");
  }

 private:
  [[noreturn]] void fail(std::string message) const { throw ParseError{line_, std::move(message)}; }

  // Returns true on the 'end' line.
  bool parse_line(std::string_view line) {
    const Fields f(line);
    if (line_ == 1) {
      if (f[0] != kMagic)
        fail("not a pclassify service table (the first line must start '" + std::string(kMagic) +
             "')");
      if (f.size() != 2 || f[1] != kVersion) {
        fail("table format version '" + std::string(f.size() > 1 ? f[1] : "") +
             "' is not supported (this build reads version " + std::string(kVersion) + ")");
      }
      return false;
    }
    if (f[0] == "source") {
      parse_source(f);
    } else if (f[0] == "record") {
      parse_record(f);
    } else if (f[0] == "end") {
      parse_end(f);
      return true;
    } else {
      fail("unknown line kind '" + std::string(f[0]) + "' (expected source, record or end)");
    }
    return false;
  }

  void expect_fields(const Fields& f, size_t count) const {
    if (f.size() != count) {
      fail("'" + std::string(f[0]) + "' line has " + std::to_string(f.size()) +
           " fields, expected " + std::to_string(count));
    }
  }

  void parse_source(const Fields& f) {
    expect_fields(f, kSourceFields);
    if (!impl_.records.empty()) fail("'source' line after the first record");
    size_t index = 0;
    if (!parse_number(f[1], index) || index != impl_.sources.size()) {
      fail("source index '" + std::string(f[1]) + "', expected " +
           std::to_string(impl_.sources.size()));
    }
    TableSource s{std::string(f[2]), std::string(f[3]), std::string(f[4]), 0};
    if (!parse_number(f[5], s.records))
      fail("source record count '" + std::string(f[5]) + "' is not a number");
    impl_.sources.push_back(std::move(s));
    records_per_source_.push_back(0);
  }

  void parse_record(const Fields& f) {
    expect_fields(f, kRecordFields);
    ServiceRecord r;
    if (!parse_number(f[1], r.source) || r.source >= impl_.sources.size()) {
      fail("record names source '" + std::string(f[1]) + "', which no 'source' line defines");
    }
    r.name = f[2];
    parse_ports(f[3], f[4], f[5], r);
    if (!f[6].empty()) {
      const auto t = transport_from_name(f[6]);
      if (!t) fail("unknown transport '" + std::string(f[6]) + "'");
      r.has_transport = true;
      r.transport = *t;
    }
    const auto status = status_from_name(f[7]);
    if (!status) fail("unknown status '" + std::string(f[7]) + "'");
    r.status = *status;
    if ((r.status == ServiceStatus::assigned) == r.name.empty()) {
      fail(r.name.empty() ? "an assigned record without a name"
                          : "a named record that is not assigned");
    }
    r.alias_of = f[8];
    r.is_alias = !r.alias_of.empty();
    r.former_name = f[9];
    r.status_date = f[10];
    r.description = f[11];
    r.assignees = f[12];
    r.contacts = f[13];
    r.registered = f[14];
    r.modified = f[15];
    r.references = f[16];
    r.service_code = f[17];
    r.unauthorized_use = f[18];
    r.assignment_notes = f[19];
    ++records_per_source_[r.source];
    impl_.records.push_back(r);
  }

  void parse_ports(std::string_view lo, std::string_view hi, std::string_view range_class,
                   ServiceRecord& r) const {
    if (lo.empty() && hi.empty() && range_class.empty()) {
      if (r.name.empty()) fail("a record with neither port nor name");
      return;
    }
    if (!parse_number(lo, r.port_lo) || !parse_number(hi, r.port_hi)) {
      fail("port '" + std::string(lo) + "'-'" + std::string(hi) +
           "' is not a number from 0 to 65535");
    }
    if (r.port_lo > r.port_hi)
      fail("port range " + std::string(lo) + "-" + std::string(hi) + " runs backwards");
    if (range_class != range_class_name(range_class_of(r.port_lo))) {
      fail("range class '" + std::string(range_class) + "' does not match port " + std::string(lo));
    }
    r.has_port = true;
  }

  void parse_end(const Fields& f) {
    expect_fields(f, kEndFields);
    size_t count = 0;
    if (!parse_number(f[1], count) || count != impl_.records.size()) {
      fail("'end' announces " + std::string(f[1]) + " records, the table holds " +
           std::to_string(impl_.records.size()));
    }
    for (size_t i = 0; i < impl_.sources.size(); ++i) {
      if (impl_.sources[i].records != records_per_source_[i]) {
        fail("source " + std::to_string(i) + " announces " +
             std::to_string(impl_.sources[i].records) + " records, the table holds " +
             std::to_string(records_per_source_[i]));
      }
    }
  }

  TableData& impl_;
  int line_ = 0;
  std::vector<size_t> records_per_source_;
};

}  // namespace

std::unique_ptr<ServiceTable> ServiceTable::load(std::string_view bytes, std::string_view origin,
                                                 std::string& error) {
  std::unique_ptr<ServiceTable> table(new ServiceTable());
  table->impl_->text.assign(bytes);  // the records' string_views point into this copy
  try {
    Parser(static_cast<TableData&>(*table->impl_)).parse();
  } catch (const ParseError& e) {
    error = std::string(origin) + ":" + std::to_string(e.line) + ": " + e.message;
    return nullptr;
  }
  table->impl_->build_indexes();
  return table;
}

std::unique_ptr<ServiceTable> ServiceTable::load_file(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ":0: cannot open the table file";
    return nullptr;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return load(bytes.str(), path, error);
}

}  // namespace pclassify
