#include "cli/live_events.h"

#include <cstdlib>
#include <functional>

#include "output/text_encoding.h"

namespace pclassify::cli {
namespace {

// What a fresh writer of `format` writes when `use` is applied and it is finished. The
// writers buffer until finish(), so one writer per event is how an event reaches the
// output at once; events are per flow, not per packet, so the cost does not matter.
std::string writer_output(output::OutputFormat format,
                          const std::function<void(output::FlowWriter&)>& use) {
  char* data = nullptr;
  size_t size = 0;
  std::FILE* memory = open_memstream(&data, &size);
  if (memory == nullptr) return {};
  {
    auto writer = output::make_flow_writer(format, memory, output::TableLayout{});
    use(*writer);
    writer->finish();
  }
  std::fclose(memory);
  std::string text(data, size);
  std::free(data);
  return text;
}

// `text` without its lines that start with '#' (Zeek's #open/#close) when `keep_comments`
// is false, or only those lines when it is true.
std::string filter_comment_lines(const std::string& text, bool keep_comments) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    end = end == std::string::npos ? text.size() : end + 1;
    const bool comment = text[start] == '#';
    if (comment == keep_comments) out.append(text, start, end - start);
    start = end;
  }
  return out;
}

// The notable note codes, or "-" when there are none.
std::string notable_codes(const Label& label) {
  const std::string codes = notable_note_codes(label);
  return codes.empty() ? "-" : codes;
}

// "proto client > server service"
std::string flow_text(const output::FlowReport& r) {
  return std::string(transport_name(r.transport)) + " " +
         output::endpoint_text(r.client_ip, r.client_port) + " > " +
         output::endpoint_text(r.server_ip, r.server_port) + " " + output::service_or_status(*r.label);
}

std::string seconds_text(int64_t nanoseconds) {
  if (nanoseconds < 0) nanoseconds = 0;
  char text[32];
  std::snprintf(text, sizeof text, "%.3fs", static_cast<double>(nanoseconds) / 1e9);
  return text;
}

}  // namespace

std::string with_event_action(std::string line, std::string_view action,
                              std::string_view reason) {
  constexpr std::string_view kPrefix = "{\"event\":{";
  std::string members = "\"action\":\"" + std::string(action) + "\"";
  if (!reason.empty()) members += ",\"reason\":\"" + std::string(reason) + "\"";
  if (line.compare(0, kPrefix.size(), kPrefix) == 0) {
    line.insert(kPrefix.size(), members + ",");
  } else if (!line.empty() && line[0] == '{') {
    line.insert(1, "\"event\":{" + members + "},");  // a writer without "event": add one
  }
  return line;
}

void FlowEventPrinter::begin() {
  if (format_ != output::OutputFormat::csv && format_ != output::OutputFormat::zeek) return;
  std::string header = writer_output(format_, [](output::FlowWriter& w) { w.begin(); });
  // finish() appended Zeek's "#close" line: it belongs at the very end (see finish()).
  const size_t close = header.rfind("#close");
  if (close != std::string::npos && (close == 0 || header[close - 1] == '\n')) {
    header.erase(close);
  }
  emit(header);
}

void FlowEventPrinter::flow_started(const output::FlowReport& r) {
  switch (format_) {
    case output::OutputFormat::table: {
      std::string line = "start " + flow_text(r) + " (" +
                         std::string(server_basis_name(r.label->basis)) +
                         ") notes: " + notable_codes(*r.label) + "\n";
      emit(line);
      break;
    }
    case output::OutputFormat::json:
      emit(with_event_action(writer_output(format_, [&](output::FlowWriter& w) { w.write(r); }),
                             "flow_start", ""));
      break;
    case output::OutputFormat::csv:
    case output::OutputFormat::zeek:
      break;  // one row per flow, when it ends
  }
}

void FlowEventPrinter::flow_ended(const output::FlowReport& r, FlowEndReason reason) {
  const std::string_view reason_name = flow_end_reason_name(reason);
  switch (format_) {
    case output::OutputFormat::table: {
      std::string line = "end   " + flow_text(r) + " " + std::string(reason_name) + " " +
                         std::to_string(r.packets()) + " packets " +
                         std::to_string(r.bytes()) + " bytes " +
                         seconds_text(r.flow->last_ns - r.flow->first_ns) +
                         " notes: " + notable_codes(*r.label) + "\n";
      emit(line);
      break;
    }
    case output::OutputFormat::json:
      emit(with_event_action(writer_output(format_, [&](output::FlowWriter& w) { w.write(r); }),
                             "flow_end", reason_name));
      break;
    case output::OutputFormat::csv:
    case output::OutputFormat::zeek:
      emit(filter_comment_lines(writer_output(format_, [&](output::FlowWriter& w) { w.write(r); }),
                                false));
      break;
  }
}

void FlowEventPrinter::finish() {
  if (format_ == output::OutputFormat::zeek) {
    emit(filter_comment_lines(writer_output(format_, [](output::FlowWriter&) {}), true));
  }
  std::fflush(out_);
}

void FlowEventPrinter::emit(const std::string& text) {
  if (text.empty()) return;
  std::fwrite(text.data(), 1, text.size(), out_);
  std::fflush(out_);
}

}  // namespace pclassify::cli
