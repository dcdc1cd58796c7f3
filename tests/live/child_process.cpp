#include "child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace pclassify::live_test {
namespace {

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv,
                           const std::function<void()>& in_child) {
  int out_pipe[2];
  int err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) return;
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    if (in_child) in_child();
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  out_fd_ = out_pipe[0];
  err_fd_ = err_pipe[0];
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0 && !reaped_) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  if (out_fd_ >= 0) close(out_fd_);
  if (err_fd_ >= 0) close(err_fd_);
}

bool ChildProcess::read_some(int timeout_ms) {
  pollfd fds[2] = {{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}};
  if (out_fd_ < 0 && err_fd_ < 0) return false;
  if (poll(fds, 2, timeout_ms) <= 0) return true;
  char buffer[65536];
  for (int i = 0; i < 2; ++i) {
    int& fd = i == 0 ? out_fd_ : err_fd_;
    if (fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n > 0) {
      (i == 0 ? out_ : err_).append(buffer, static_cast<size_t>(n));
    } else {
      close(fd);
      fd = -1;
    }
  }
  return true;
}

bool ChildProcess::wait_for(const std::string& stream, std::string_view needle,
                            int timeout_ms) {
  const int64_t deadline = now_ms() + timeout_ms;
  while (stream.find(needle) == std::string::npos) {
    const int64_t left = deadline - now_ms();
    if (left <= 0 || !read_some(static_cast<int>(std::min<int64_t>(left, 50)))) {
      return stream.find(needle) != std::string::npos;
    }
  }
  return true;
}

bool ChildProcess::wait_for_err(std::string_view needle, int timeout_ms) {
  return wait_for(err_, needle, timeout_ms);
}

bool ChildProcess::wait_for_out(std::string_view needle, int timeout_ms) {
  return wait_for(out_, needle, timeout_ms);
}

void ChildProcess::send_signal(int signal_number) {
  if (pid_ > 0 && !reaped_) kill(pid_, signal_number);
}

ChildResult ChildProcess::finish(int timeout_ms) {
  ChildResult result;
  const int64_t deadline = now_ms() + timeout_ms;
  while (read_some(50)) {
    if (now_ms() >= deadline) break;
  }
  if (pid_ > 0 && !reaped_) {
    int status = 0;
    pid_t done = 0;
    while ((done = waitpid(pid_, &status, WNOHANG)) == 0 && now_ms() < deadline) {
      usleep(10000);
    }
    if (done == 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
    } else if (WIFEXITED(status)) {
      result.exited = true;
      result.exit_status = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
      result.term_signal = WTERMSIG(status);
    }
    reaped_ = true;
  }
  result.out = out_;
  result.err = err_;
  return result;
}

std::vector<std::string> lines_containing(const std::string& text,
                                          const std::vector<std::string>& parts) {
  std::vector<std::string> out;
  std::istringstream stream(text);
  std::string line;
  while (std::getline(stream, line)) {
    bool all = true;
    for (const std::string& part : parts) all = all && line.find(part) != std::string::npos;
    if (all) out.push_back(line);
  }
  return out;
}

std::string run_tool(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  pclose(pipe);
  return out;
}

bool have_tool(const char* name) {
  return std::system((std::string("command -v ") + name + " >/dev/null 2>&1").c_str()) == 0;
}

}  // namespace pclassify::live_test
