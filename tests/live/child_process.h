// Runs the pclassify binary as a child process with its stdout and stderr captured, so a
// test can wait for "listening on", send traffic, signal it and read what it printed.
#pragma once

#include <sys/types.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pclassify::live_test {

struct ChildResult {
  bool exited = false;   // ended by exit() (else killed by a signal or timed out)
  int exit_status = -1;
  int term_signal = 0;
  std::string out;
  std::string err;
};

class ChildProcess {
 public:
  // Starts `argv`. `in_child`, when given, runs in the child just before exec (to drop
  // capabilities, for instance).
  explicit ChildProcess(const std::vector<std::string>& argv,
                        const std::function<void()>& in_child = {});
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Reads output until stderr contains `needle` or `timeout_ms` passes.
  bool wait_for_err(std::string_view needle, int timeout_ms);
  // Reads output until stdout contains `needle` or `timeout_ms` passes.
  bool wait_for_out(std::string_view needle, int timeout_ms);
  void send_signal(int signal_number);
  // Reads the rest of the output and waits for the exit; kills the child after
  // `timeout_ms` (the result then says it did not exit).
  ChildResult finish(int timeout_ms);

  const std::string& out() const { return out_; }
  const std::string& err() const { return err_; }

 private:
  // Reads what is available within `timeout_ms`; false when both pipes are closed.
  bool read_some(int timeout_ms);
  bool wait_for(const std::string& stream, std::string_view needle, int timeout_ms);

  pid_t pid_ = -1;
  int out_fd_ = -1;
  int err_fd_ = -1;
  std::string out_;
  std::string err_;
  bool reaped_ = false;
};

// Lines of `text` that contain every one of `parts`.
std::vector<std::string> lines_containing(const std::string& text,
                                          const std::vector<std::string>& parts);

// What a shell command (tshark, capinfos, ...) prints on stdout; empty if it cannot run.
std::string run_tool(const std::string& command);
// True when `name` is on the PATH.
bool have_tool(const char* name);

}  // namespace pclassify::live_test
