// Internal to output/: text that depends only on a flow's label, formatted once per label.
//
// Labels are shared between flows (see flow_report.h), and in a typical capture a few
// dozen labels serve hundreds of thousands of flows, so each writer formats a label's part
// of the line once and copies it after that. Only what the Label itself holds may go in
// (service, registrations, notes, ...): its ports are those of the first flow that made it
// and must not. Keyed by address, which is sound because a FlowReporter keeps every label
// it made until it is destroyed, and a writer writes the reports of one reporter.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "label/label.h"

namespace pclassify::output {

class LabelTextCache {
 public:
  // The text `format(out, label)` appends for `label`, formatted on first use. Valid until
  // the next call.
  template <typename Format>
  const std::string& get(const Label& label, Format format) {
    if (&label == last_label_) return texts_[last_text_];  // consecutive flows often share one
    size_t slot = find_slot(&label);
    if (slots_[slot].label == nullptr) {
      if (2 * (texts_.size() + 1) > slots_.size()) {
        grow();
        slot = find_slot(&label);
      }
      slots_[slot] = {&label, static_cast<uint32_t>(texts_.size())};
      format(texts_.emplace_back(), label);
    }
    last_label_ = &label;
    last_text_ = slots_[slot].text;
    return texts_[last_text_];
  }

 private:
  // An open-addressing index (every flow looks a label up: a node-based map's bucket walk
  // showed in profiles), at most half full.
  struct Slot {
    const Label* label = nullptr;
    uint32_t text = 0;  // index into texts_
  };

  // The slot holding `label`, or the empty slot where it goes.
  size_t find_slot(const Label* label) const {
    const size_t mask = slots_.size() - 1;
    // Fibonacci hashing: addresses differ in their middle bits; the product's bits from
    // 32 up mix all the lower bits of the address.
    size_t slot =
        static_cast<size_t>((reinterpret_cast<uintptr_t>(label) * 0x9e3779b97f4a7c15ULL) >> 32) &
        mask;
    while (slots_[slot].label != nullptr && slots_[slot].label != label) slot = (slot + 1) & mask;
    return slot;
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{});
    for (const Slot& s : old) {
      if (s.label != nullptr) slots_[find_slot(s.label)] = s;
    }
  }

  std::vector<Slot> slots_ = std::vector<Slot>(64);  // a power of two
  std::vector<std::string> texts_;
  const Label* last_label_ = nullptr;
  uint32_t last_text_ = 0;
};

}  // namespace pclassify::output
