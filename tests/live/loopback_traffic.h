// A bounded amount of the test's own traffic on 127.0.0.1: a TCP conversation with a
// listener the test opens, UDP datagrams to a socket the test binds, an SCTP association
// when the kernel has SCTP. Sockets are closed by their destructors.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pclassify::live_test {

// A socket file descriptor, closed on destruction.
class Socket {
 public:
  Socket() = default;
  explicit Socket(int fd) : fd_(fd) {}
  ~Socket();
  Socket(Socket&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  Socket& operator=(Socket&& other) noexcept;
  int fd() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  void reset();

 private:
  int fd_ = -1;
};

// A socket of `type`/`protocol` bound on 127.0.0.1 (listening, for stream sockets).
struct BoundSocket {
  Socket socket;
  uint16_t port = 0;
  int error = 0;  // errno of the socket() call when it failed (EPROTONOSUPPORT: no SCTP)
};

// Binds to the first port of `candidates` that is free; port 0 when none is.
BoundSocket bind_first_free(int type, int protocol, const std::vector<uint16_t>& candidates);
// Binds to a port the kernel picks.
BoundSocket bind_any(int type, int protocol);

// A connected stream conversation: the client's socket, the accepted socket, and the
// client's port.
struct Conversation {
  Socket client;
  Socket server;
  uint16_t client_port = 0;
};

// Connects to `listener` (TCP or SCTP) and exchanges `rounds` request/response pairs.
// False (with `error`) when something failed.
bool converse(const BoundSocket& listener, int protocol, int rounds, Conversation& out,
              std::string& error);

// Sends `count` datagrams from a new socket to 127.0.0.1:`port`; returns the source port
// (0 on failure). When `reply_from` is valid, it answers the first datagram.
// `source_port` 0 lets the kernel pick an ephemeral port; a fixed one makes the server-side
// rules deterministic when neither port is registered.
uint16_t send_datagrams(uint16_t port, int count, const Socket* reply_from = nullptr,
                        uint16_t source_port = 0);

// The local port of a socket.
uint16_t local_port(int fd);

}  // namespace pclassify::live_test
