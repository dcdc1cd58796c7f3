#include "capture/live_capture.h"

#include <pcap/pcap.h>
#include <poll.h>

namespace pclassify::capture {
namespace {

std::string kind_prefix(const std::string& interface, int status) {
  switch (status) {
    case PCAP_ERROR_NO_SUCH_DEVICE: return "no such interface \"" + interface + "\"";
    case PCAP_ERROR_PERM_DENIED:
    case PCAP_ERROR_PROMISC_PERM_DENIED:
      return "no permission to capture on " + interface;
    case PCAP_ERROR_IFACE_NOT_UP: return "interface " + interface + " is not up";
    default: return "cannot capture on " + interface;
  }
}

LiveErrorKind kind_of(int status) {
  switch (status) {
    case PCAP_ERROR_NO_SUCH_DEVICE: return LiveErrorKind::no_such_interface;
    case PCAP_ERROR_PERM_DENIED:
    case PCAP_ERROR_PROMISC_PERM_DENIED: return LiveErrorKind::permission;
    case PCAP_ERROR_IFACE_NOT_UP: return LiveErrorKind::interface_down;
    default: return LiveErrorKind::other;
  }
}

}  // namespace

int link_type_from_dlt(int dlt) {
  // libpcap's own table (dlt_to_linktype) is not exported; these are the values that
  // differ on the platforms libpcap supports. DLT_RAW is 12 or 14 depending on the OS.
  if (dlt == DLT_RAW) return 101;           // LINKTYPE_RAW
  if (dlt == DLT_ATM_RFC1483) return 100;   // LINKTYPE_ATM_RFC1483
  return dlt;
}

LiveCapture::LiveCapture(pcap* handle, std::string interface)
    : handle_(handle), interface_(std::move(interface)) {}

LiveCapture::~LiveCapture() {
  if (handle_ != nullptr) pcap_close(handle_);
}

std::unique_ptr<LiveCapture> LiveCapture::open(const LiveCaptureOptions& options,
                                               LiveError& error) {
  char errbuf[PCAP_ERRBUF_SIZE] = {};
  pcap_t* handle = pcap_create(options.interface.c_str(), errbuf);
  if (handle == nullptr) {
    error = {LiveErrorKind::other, "cannot capture on " + options.interface + ": " + errbuf};
    return nullptr;
  }
  std::unique_ptr<LiveCapture> capture(new LiveCapture(handle, options.interface));
  // These fail only on an already activated handle (PCAP_ERROR_ACTIVATED), which a fresh
  // pcap_create handle is not; libpcap 1.11 marks them must-check, and a failure would
  // mean this code is wrong, so it is reported rather than ignored.
  const int set_status[] = {
      pcap_set_snaplen(handle, options.snaplen),
      pcap_set_promisc(handle, options.promiscuous ? 1 : 0),
      pcap_set_timeout(handle, options.timeout_ms),
      options.buffer_bytes > 0 ? pcap_set_buffer_size(handle, options.buffer_bytes) : 0,
  };
  for (const int status : set_status) {
    if (status != 0) {
      error = {LiveErrorKind::other, "cannot configure capture on " + options.interface +
                                         ": " + pcap_statustostr(status)};
      return nullptr;
    }
  }
  // Nanosecond timestamps where the platform has them (Linux does); microseconds else.
  const bool asked_nano = pcap_set_tstamp_precision(handle, PCAP_TSTAMP_PRECISION_NANO) == 0;

  const int status = pcap_activate(handle);
  if (status < 0) {
    // pcap_geterr holds the detail for PCAP_ERROR and, in recent libpcap, for the named
    // errors too; it is empty or generic otherwise.
    const std::string detail = pcap_geterr(handle);
    error.kind = kind_of(status);
    error.message = kind_prefix(options.interface, status);
    if (!detail.empty()) error.message += ": " + detail;
    return nullptr;
  }
  if (status > 0) capture->warning_ = pcap_geterr(handle);
  capture->timeout_ms_ = options.timeout_ms;
  capture->selectable_fd_ = pcap_get_selectable_fd(handle);
  if (capture->selectable_fd_ >= 0 && pcap_setnonblock(handle, 1, errbuf) != 0) {
    capture->selectable_fd_ = -1;  // stays blocking: libpcap's timeout is all there is
  }
  capture->link_type_ = link_type_from_dlt(pcap_datalink(handle));
  capture->nanoseconds_ =
      asked_nano && pcap_get_tstamp_precision(handle) == PCAP_TSTAMP_PRECISION_NANO;
  return capture;
}

bool LiveCapture::set_filter(const std::string& expression, LiveError& error) {
  bpf_program program{};
  if (pcap_compile(handle_, &program, expression.c_str(), 1, PCAP_NETMASK_UNKNOWN) != 0) {
    error = {LiveErrorKind::filter,
             "invalid filter expression \"" + expression + "\": " + pcap_geterr(handle_)};
    return false;
  }
  const int status = pcap_setfilter(handle_, &program);
  pcap_freecode(&program);
  if (status != 0) {
    error = {LiveErrorKind::filter, "cannot install the filter on " + interface_ + ": " +
                                        pcap_geterr(handle_)};
    return false;
  }
  return true;
}

LiveStatus LiveCapture::next(CapturedPacket& packet) {
  pcap_pkthdr* header = nullptr;
  const u_char* data = nullptr;
  int status = pcap_next_ex(handle_, &header, &data);
  if (status == 0 && selectable_fd_ >= 0) {
    // Nothing buffered: wait for the kernel to hand over a block, a signal, or the timeout.
    pollfd ready{selectable_fd_, POLLIN, 0};
    if (poll(&ready, 1, timeout_ms_) > 0) status = pcap_next_ex(handle_, &header, &data);
  }
  if (status == 0) return LiveStatus::timeout;
  if (status == PCAP_ERROR_BREAK) return LiveStatus::stopped;
  if (status != 1) {
    error_ = "capture on " + interface_ + " failed: " + pcap_geterr(handle_);
    return LiveStatus::error;
  }
  const int64_t seconds = header->ts.tv_sec;
  const int64_t fraction = header->ts.tv_usec;  // nanoseconds when nanoseconds_
  packet.link_type = link_type_;
  packet.interface_id = 0;
  packet.snaplen = static_cast<uint32_t>(pcap_snapshot(handle_));
  packet.timestamp_ns = seconds * 1'000'000'000 + (nanoseconds_ ? fraction : fraction * 1000);
  packet.wire_length = header->len;
  packet.data = std::span<const uint8_t>(data, header->caplen);
  return LiveStatus::packet;
}

void LiveCapture::stop() { pcap_breakloop(handle_); }

bool LiveCapture::stats(LiveStats& stats) const {
  pcap_stat raw{};
  if (pcap_stats(handle_, &raw) != 0) return false;
  stats.received = raw.ps_recv;
  stats.dropped = raw.ps_drop;
  stats.interface_dropped = raw.ps_ifdrop;
  return true;
}

std::vector<InterfaceInfo> LiveCapture::list_interfaces(std::string& error) {
  std::vector<InterfaceInfo> out;
  char errbuf[PCAP_ERRBUF_SIZE] = {};
  pcap_if_t* devices = nullptr;
  if (pcap_findalldevs(&devices, errbuf) != 0) {
    error = std::string("cannot list the interfaces: ") + errbuf;
    return out;
  }
  for (pcap_if_t* device = devices; device != nullptr; device = device->next) {
    InterfaceInfo info;
    info.name = device->name;
    if (device->description != nullptr) info.description = device->description;
    info.loopback = (device->flags & PCAP_IF_LOOPBACK) != 0;
    info.up = (device->flags & PCAP_IF_UP) != 0;
    info.running = (device->flags & PCAP_IF_RUNNING) != 0;
    out.push_back(std::move(info));
  }
  pcap_freealldevs(devices);
  return out;
}

}  // namespace pclassify::capture
