// The one place plugin/ includes Wireshark's headers, plus what differs between the
// Wireshark versions the source supports (built and tested: 4.0.17; see README.md).
//
// Differences are detected from the declarations themselves where possible, not from
// version numbers, so a header change is noticed at compile time.
#pragma once

#ifndef WS_BUILD_DLL
#define WS_BUILD_DLL  // set by CMake too; needed before wireshark.h for the export macros
#endif
#include <wireshark.h>

#include <epan/conversation.h>
#include <epan/expert.h>
#include <epan/packet.h>
#include <epan/prefs.h>
#include <epan/proto.h>
#include <epan/proto_data.h>
#include <epan/stats_tree.h>
#include <epan/tap.h>
#include <wsutil/report_message.h>

#include <tuple>
#include <type_traits>

namespace pclassify::plugin {

namespace detail {
template <typename F>
struct last_parameter;
template <typename R, typename... Args>
struct last_parameter<R(Args...)> {
  using type = std::tuple_element_t<sizeof...(Args) - 1, std::tuple<Args...>>;
};
}  // namespace detail

// What a boolean preference points at: gboolean in 4.0, bool from 4.2 on.
using PrefBool = std::remove_pointer_t<
    detail::last_parameter<decltype(prefs_register_bool_preference)>::type>;

// The unsigned value of an integer field. 4.0 embeds the fvalue in field_info, 4.2 and
// later point at it.
template <typename FieldInfo>
uint32_t field_uint_value(FieldInfo* finfo) {
  if constexpr (std::is_pointer_v<decltype(finfo->value)>) {
    return fvalue_get_uinteger(finfo->value);
  } else {
    return fvalue_get_uinteger(&finfo->value);
  }
}

}  // namespace pclassify::plugin
