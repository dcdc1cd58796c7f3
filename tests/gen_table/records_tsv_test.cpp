#include "records_tsv.h"

#include <gtest/gtest.h>

#include "snapshot_builders.h"

namespace pclassify::gen {
namespace {

TEST(RecordsTsv, AllThirteenColumnsInOrder) {
  RegistryRecord r = testing::port_record("dccp-svc", 1000, 1002, "dccp", "A DCCP service");
  r.assignees = {"IESG", "Jon_Postel"};
  r.contacts = {"IETF_Chair"};
  r.registered = "2010-01";
  r.modified = "2020-02-03";
  r.references = {"RFC6335", "RFC4340"};
  r.service_code = "1685351985";
  r.unauthorized_use = "Unauthorized Use Known on port 1000";
  r.assignment_notes = "Some note";
  EXPECT_EQ(
      record_tsv_line(r),
      "dccp-svc\t1000\t1002\tdccp\tA DCCP service\tIESG;Jon_Postel\tIETF_Chair\t2010-01\t"
      "2020-02-03\tRFC6335;RFC4340\t1685351985\tUnauthorized Use Known on port 1000\tSome note");
}

TEST(RecordsTsv, AbsentValuesAreEmptyStrings) {
  EXPECT_EQ(record_tsv_line(testing::name_only("printer", "A printer")),
            "printer\t\t\t\tA printer\t\t\t\t\t\t\t\t");
  EXPECT_EQ(records_tsv({testing::port_record("", 4903, 4911, "", "Unassigned")}),
            "\t4903\t4911\t\tUnassigned\t\t\t\t\t\t\t\t\n");
}

TEST(RecordsTsv, RefusesAFieldThatWouldShiftTheColumns) {
  auto r = testing::port_record("x", 1, 1, "tcp", "line\nbreak");
  EXPECT_THROW(record_tsv_line(r), std::invalid_argument);
  r.description = "ok";
  r.references = {"has\ttab"};
  EXPECT_THROW(record_tsv_line(r), std::invalid_argument);
}

}  // namespace
}  // namespace pclassify::gen
