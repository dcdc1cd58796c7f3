// The table compiled into pclassify_core (BuiltinTable.cmake): it loads, it names its
// sources, and it answers like the generated table file it was embedded from.
#include <gtest/gtest.h>

#include <filesystem>

#include "services/service_table.h"

namespace pclassify {
namespace {

TEST(BuiltinTable, LoadsOnceAndMatchesTheGeneratedFile) {
  const ServiceTable& table = ServiceTable::builtin();
  EXPECT_EQ(&table, &ServiceTable::builtin());
  const std::string file = PCLASSIFY_BUILTIN_TABLE_FILE;
  if (!std::filesystem::exists(file))
    GTEST_SKIP() << "the build found no registry: empty built-in table";

  std::string error;
  const auto from_file = ServiceTable::load_file(file, error);
  ASSERT_NE(from_file, nullptr) << error;
  EXPECT_EQ(table.record_count(), from_file->record_count());
  ASSERT_EQ(table.sources().size(), from_file->sources().size());
  ASSERT_FALSE(table.sources().empty());
  EXPECT_EQ(table.sources()[0].sha256, from_file->sources()[0].sha256);
  EXPECT_EQ(format_table_sources(table), format_table_sources(*from_file));

  // Every input the build may use (IANA XML or Wireshark's services) has http on 80/tcp.
  const auto web = table.lookup(Transport::tcp, 80);
  ASSERT_FALSE(web.empty());
  EXPECT_EQ(web[0]->name, "http");
}

}  // namespace
}  // namespace pclassify
