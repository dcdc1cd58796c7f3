#include "loopback_traffic.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace pclassify::live_test {
namespace {

sockaddr_in loopback(uint16_t port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

// No test may hang on a socket: every blocking call gives up after two seconds.
void set_timeouts(int fd) {
  timeval two_seconds{2, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &two_seconds, sizeof two_seconds);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &two_seconds, sizeof two_seconds);
}

BoundSocket bind_port(int type, int protocol, uint16_t port) {
  BoundSocket out;
  const int fd = socket(AF_INET, type, protocol);
  if (fd < 0) {
    out.error = errno;
    return out;
  }
  out.socket = Socket(fd);
  set_timeouts(fd);
  const int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  const sockaddr_in address = loopback(port);
  if (bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 ||
      (type == SOCK_STREAM && listen(fd, 8) != 0)) {
    out.error = errno;
    out.socket.reset();
    return out;
  }
  out.port = local_port(fd);
  return out;
}

bool send_all(int fd, const std::string& text) {
  return send(fd, text.data(), text.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(text.size());
}

bool receive_some(int fd) {
  char buffer[512];
  return recv(fd, buffer, sizeof buffer, 0) > 0;
}

}  // namespace

Socket::~Socket() { reset(); }

Socket& Socket::operator=(Socket&& other) noexcept {
  if (this != &other) {
    reset();
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

void Socket::reset() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
}

uint16_t local_port(int fd) {
  sockaddr_in address{};
  socklen_t length = sizeof address;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return 0;
  return ntohs(address.sin_port);
}

BoundSocket bind_first_free(int type, int protocol, const std::vector<uint16_t>& candidates) {
  BoundSocket last;
  for (const uint16_t port : candidates) {
    BoundSocket bound = bind_port(type, protocol, port);
    if (bound.socket.valid()) return bound;
    last = std::move(bound);
    if (last.error == EPROTONOSUPPORT || last.error == ESOCKTNOSUPPORT) break;
  }
  last.port = 0;
  return last;
}

BoundSocket bind_any(int type, int protocol) { return bind_port(type, protocol, 0); }

bool converse(const BoundSocket& listener, int protocol, int rounds, Conversation& out,
              std::string& error) {
  const int fd = socket(AF_INET, SOCK_STREAM, protocol);
  if (fd < 0) {
    error = std::string("socket: ") + std::strerror(errno);
    return false;
  }
  out.client = Socket(fd);
  set_timeouts(fd);
  const sockaddr_in address = loopback(listener.port);
  if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    error = std::string("connect: ") + std::strerror(errno);
    return false;
  }
  out.client_port = local_port(fd);
  const int accepted = accept(listener.socket.fd(), nullptr, nullptr);
  if (accepted < 0) {
    error = std::string("accept: ") + std::strerror(errno);
    return false;
  }
  out.server = Socket(accepted);
  set_timeouts(accepted);
  for (int i = 0; i < rounds; ++i) {
    if (!send_all(fd, "request " + std::to_string(i) + "\r\n") || !receive_some(accepted) ||
        !send_all(accepted, "response " + std::to_string(i) + "\r\n") || !receive_some(fd)) {
      error = std::string("exchange: ") + std::strerror(errno);
      return false;
    }
  }
  return true;
}

uint16_t send_datagrams(uint16_t port, int count, const Socket* reply_from,
                        uint16_t source_port) {
  Socket sender(socket(AF_INET, SOCK_DGRAM, 0));
  if (!sender.valid()) return 0;
  if (source_port != 0) {
    const sockaddr_in from = loopback(source_port);
    if (bind(sender.fd(), reinterpret_cast<const sockaddr*>(&from), sizeof from) != 0) return 0;
  }
  set_timeouts(sender.fd());
  const sockaddr_in to = loopback(port);
  for (int i = 0; i < count; ++i) {
    const std::string text = "datagram " + std::to_string(i);
    if (sendto(sender.fd(), text.data(), text.size(), 0, reinterpret_cast<const sockaddr*>(&to),
               sizeof to) < 0) {
      return 0;
    }
  }
  const uint16_t sent_from = local_port(sender.fd());
  if (reply_from != nullptr && reply_from->valid()) {
    char buffer[512];
    sockaddr_in from{};
    socklen_t from_length = sizeof from;
    if (recvfrom(reply_from->fd(), buffer, sizeof buffer, 0, reinterpret_cast<sockaddr*>(&from),
                 &from_length) > 0) {
      sendto(reply_from->fd(), "reply", 5, 0, reinterpret_cast<sockaddr*>(&from), from_length);
    }
  }
  return sent_from;
}

}  // namespace pclassify::live_test
