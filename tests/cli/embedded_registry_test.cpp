// A clone with no network and no PCLASSIFY_REGISTRY compiles in the committed official
// registry (registry/service-names-port-numbers.xml): the pclassify binary names it, with
// the date and record count the XML itself states, and answers from its full content.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>

#include "../common/scratch_dir_test.h"

namespace pclassify::test {
namespace {

// The first <updated> element: the registry's "Last Updated" date.
std::string registry_updated(const std::string& xml) {
  const size_t open = xml.find("<updated>");
  const size_t close = xml.find("</updated>", open);
  if (open == std::string::npos || close == std::string::npos) return "";
  return xml.substr(open + 9, close - open - 9);
}

// Counted from the text, independently of pclassify-gen's XML reader.
size_t record_elements(const std::string& xml) {
  size_t count = 0;
  for (size_t at = xml.find("<record"); at != std::string::npos; at = xml.find("<record", at + 7)) {
    const char next = at + 7 < xml.size() ? xml[at + 7] : '\0';
    if (next == ' ' || next == '>') ++count;
  }
  return count;
}

class EmbeddedRegistry : public ScratchDirTest {
 protected:
  EmbeddedRegistry() : ScratchDirTest("pclassify-embedded-") {}
  void SetUp() override {
    if (!PCLASSIFY_BUILTIN_FROM_EMBEDDED)
      GTEST_SKIP() << "built with PCLASSIFY_REGISTRY, not the embedded registry";
    ScratchDirTest::SetUp();
  }
  CommandResult pclassify(const std::string& args) {
    return sh(std::string(PCLASSIFY_CLI_BINARY) + " " + args);
  }
};

TEST_F(EmbeddedRegistry, RegistryInfoNamesTheCommittedXmlItsDateAndRecords) {
  const std::string xml = slurp(PCLASSIFY_EMBEDDED_REGISTRY);
  ASSERT_FALSE(xml.empty()) << PCLASSIFY_EMBEDDED_REGISTRY;
  const std::string updated = registry_updated(xml);
  const size_t records = record_elements(xml);
  ASSERT_EQ(updated.size(), 10u) << updated;
  ASSERT_GT(records, 10000u);

  const CommandResult run = pclassify("--registry-info");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("service table: " + std::to_string(records) + " records from 1 source(s)\n"
                         "  registry/service-names-port-numbers.xml\n"
                         "    last updated " + updated + ", sha256 "),
            std::string::npos)
      << run.out;
}

TEST_F(EmbeddedRegistry, LookupKnowsADeassignedPort) {
  // 831/tcp (NETCONF over BEEP) was de-assigned; Wireshark's services file cannot say so.
  const CommandResult run = pclassify("--lookup 831/tcp");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.rfind("831/tcp  -  (system range, deassigned)\n", 0), 0u) << run.out;
  EXPECT_NE(run.out.find("[service_deassigned] 831/tcp was de-assigned by IANA"), std::string::npos)
      << run.out;
}

}  // namespace
}  // namespace pclassify::test
