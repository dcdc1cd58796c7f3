#include "flow/flow_recency.h"

namespace pclassify {

void FlowRecency::remove(uint32_t index) {
  if (!contains(index)) return;
  Link& link = links_[index];
  Ends& ends = ends_[link.list];
  if (link.newer != kNone) links_[link.newer].older = link.older; else ends.head = link.older;
  if (link.older != kNone) links_[link.older].newer = link.newer; else ends.tail = link.newer;
  link = Link{};
}

void FlowRecency::touch(uint32_t index, TimeoutClass list) {
  if (index >= links_.size()) links_.resize(size_t{index} + 1);
  const auto l = static_cast<uint8_t>(list);
  Ends& ends = ends_[l];
  if (links_[index].list == l && ends.head == index) return;  // already the newest
  remove(index);
  Link& link = links_[index];
  link.list = l;
  link.older = ends.head;
  if (ends.head != kNone) links_[ends.head].newer = index; else ends.tail = index;
  ends.head = index;
}

}  // namespace pclassify
