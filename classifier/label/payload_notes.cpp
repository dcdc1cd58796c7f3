#include "label/payload_notes.h"

#include <algorithm>

namespace pclassify {
namespace {

// More names than this make the sentence a list nobody reads; "and N more" stands in.
constexpr size_t kMaxNamesInNote = 3;

// The port's service names as the sentence gives them: aliases are left out (the
// alias_name note covers them) unless the port has nothing else.
std::vector<std::string_view> names_for_sentence(const Label& label) {
  std::vector<std::string_view> names;
  for (const std::string_view name : port_service_names(label)) {
    const bool alias = std::any_of(
        label.registrations.begin(), label.registrations.end(),
        [&](const ServiceRecord* r) { return r->name == name && r->is_alias; });
    if (!alias) names.push_back(name);
  }
  return names.empty() ? port_service_names(label) : names;
}

std::string registered_to(const Label& label) {
  const std::vector<std::string_view> names = names_for_sentence(label);
  std::string text = "port " + std::to_string(label.server_port) + "/" +
                     std::string(transport_name(label.transport)) + " is registered to ";
  if (names.empty()) return text + "no service";
  for (size_t i = 0; i < names.size() && i < kMaxNamesInNote; ++i) {
    if (i > 0) text += ", ";
    text += names[i];
  }
  if (names.size() > kMaxNamesInNote) {
    text += " and " + std::to_string(names.size() - kMaxNamesInNote) + " more";
  }
  return text;
}

std::string payload_is(const PayloadVerdict& verdict) {
  std::string text = "payload is ";
  text += payload_protocol_display_name(verdict.protocol_id);
  if (!verdict.detail.empty()) text += " (" + verdict.detail + ")";
  return text;
}

}  // namespace

std::vector<std::string_view> port_service_names(const Label& label) {
  std::vector<std::string_view> names;
  if (!label.service().empty()) names.push_back(label.service());
  for (const ServiceRecord* record : label.registrations) {
    if (record->status != ServiceStatus::assigned || record->name.empty()) continue;
    if (std::find(names.begin(), names.end(), record->name) == names.end()) {
      names.push_back(record->name);
    }
  }
  return names;
}

std::string_view payload_protocol_display_name(PayloadProtocol protocol) {
  switch (protocol) {
    case PayloadProtocol::none: return "unrecognised";
    case PayloadProtocol::tls: return "TLS";
    case PayloadProtocol::dtls: return "DTLS";
    case PayloadProtocol::http: return "HTTP";
    case PayloadProtocol::http2: return "HTTP/2";
    case PayloadProtocol::ssh: return "SSH";
    case PayloadProtocol::dns: return "DNS";
    case PayloadProtocol::quic: return "QUIC";
    case PayloadProtocol::smtp: return "SMTP";
    case PayloadProtocol::pop3: return "POP3";
    case PayloadProtocol::imap: return "IMAP";
    case PayloadProtocol::ftp: return "FTP";
    case PayloadProtocol::ntp: return "NTP";
    case PayloadProtocol::sip: return "SIP";
    case PayloadProtocol::rtsp: return "RTSP";
    case PayloadProtocol::rdp: return "RDP";
    case PayloadProtocol::smb: return "SMB";
    case PayloadProtocol::snmp: return "SNMP";
    case PayloadProtocol::mysql: return "MySQL";
    case PayloadProtocol::postgresql: return "PostgreSQL";
    case PayloadProtocol::bittorrent: return "BitTorrent";
    case PayloadProtocol::wireguard: return "WireGuard";
    case PayloadProtocol::telnet: return "Telnet";
    case PayloadProtocol::irc: return "IRC";
    case PayloadProtocol::kerberos: return "Kerberos";
    case PayloadProtocol::ldap: return "LDAP";
    case PayloadProtocol::syslog: return "syslog";
    case PayloadProtocol::openvpn: return "OpenVPN";
    case PayloadProtocol::stun: return "STUN";
    case PayloadProtocol::count: break;
  }
  return payload_protocol_name(protocol);
}

std::optional<Note> payload_note(const Label& label, const PayloadVerdict& verdict) {
  switch (verdict.verdict) {
    case Verdict::confirmed:
      return Note{NoteCode::payload_confirms,
                  registered_to(label) + "; " + payload_is(verdict) + ", as registered."};
    case Verdict::contradicted:
      return Note{NoteCode::payload_contradicts,
                  registered_to(label) + "; " + payload_is(verdict) + "."};
    case Verdict::unknown:
      break;
  }
  return std::nullopt;
}

void add_payload_notes(Label& label, const PayloadVerdict& verdict) {
  if (auto note = payload_note(label, verdict)) label.notes.push_back(std::move(*note));
}

}  // namespace pclassify
