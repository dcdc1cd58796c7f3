#include "cli/live_signals.h"

#include <atomic>
#include <csignal>

namespace pclassify::cli {
namespace {

volatile std::sig_atomic_t g_stop_signal = 0;
std::atomic<capture::LiveCapture*> g_capture{nullptr};
static_assert(std::atomic<capture::LiveCapture*>::is_always_lock_free,
              "a signal handler may only use lock-free atomics");

struct sigaction g_previous_int {};
struct sigaction g_previous_term {};

extern "C" void on_stop_signal(int signal_number) {
  g_stop_signal = signal_number;
  if (capture::LiveCapture* capture = g_capture.load()) capture->stop();
}

}  // namespace

StopSignals::StopSignals(capture::LiveCapture& capture) {
  g_stop_signal = 0;
  g_capture.store(&capture);
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  // No SA_RESTART: a blocking poll should return at once rather than wait out its timeout.
  action.sa_flags = 0;
  sigaction(SIGINT, &action, &g_previous_int);
  sigaction(SIGTERM, &action, &g_previous_term);
}

StopSignals::~StopSignals() {
  sigaction(SIGINT, &g_previous_int, nullptr);
  sigaction(SIGTERM, &g_previous_term, nullptr);
  g_capture.store(nullptr);
}

int StopSignals::requested() { return g_stop_signal; }

}  // namespace pclassify::cli
