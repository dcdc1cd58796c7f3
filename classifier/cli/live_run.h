// `pclassify -i IFACE`: live capture. Packets go through the decoder and a bounded flow
// tracker; a line is printed when a flow starts and when it ends (TCP close, idle expiry,
// eviction, end of capture). -c, a duration, SIGINT and SIGTERM stop it; every open flow
// then gets its final line and the summary follows.
//
// And `pclassify -D`: the capture interfaces, numbered as -i accepts them.
#pragma once

#include <cstdio>

#include "cli/options.h"
#include "services/service_table.h"

namespace pclassify::cli {

// Open flows kept in live mode unless --max-flows says otherwise: about 100 MiB of flow
// records, and a bound a day-long capture cannot exceed.
inline constexpr uint64_t kDefaultLiveMaxFlows = 1'000'000;

// Runs the capture `options` describe. Returns an exit code: kExitOk (also when stopped
// by a signal), kExitInputError (cannot capture: permission, interface, filter, or the
// capture failed), kExitOutputError.
int run_live_capture(const Options& options, const ServiceTable& table);

// Prints the interfaces ("1. lo (Loopback) [Up, Running, Loopback]"). Returns an exit code.
int list_interfaces(std::FILE* out);

}  // namespace pclassify::cli
