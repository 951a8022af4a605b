// The range on the results screen uses the person's own error once real SSI values sit next to stored
// estimates (issue 14): each real value is paired with the latest self-check on or before its day.
#include <gtest/gtest.h>

#include "app/persistence.h"
#include "assets/assets.h"
#include "core/store.h"
#include "harness.h"

namespace ssi::test {
namespace {

store::SelfCheck check(std::string id, std::string date, int total) {
  store::SelfCheck c;
  c.id = std::move(id);
  c.date = std::move(date);
  c.questionnaire_id = "ssi-selfcheck";
  c.questionnaire_version = "1.1.0";
  c.component_centi = {total * 25, total * 25, total * 25, total * 25};  // the stored total is their rounded sum
  c.total = total;
  return c;
}

store::RealEntry real(std::string id, std::string date, int total) {
  store::RealEntry e;
  e.id = std::move(id);
  e.date = std::move(date);
  e.component_centi = {total * 25, total * 25, total * 25, total * 25};  // sums to total points
  return e;
}

std::string stored(const store::Document& doc) { return store::write_document(doc); }

Answers occasional_poster() {
  const Questionnaire q = *load_questionnaire(assets::get("content/questionnaire.json")).questionnaire;
  return *answers_from_json(
              q, R"({"schema": "ssi-selfcheck/answers", "schemaVersion": 1, "questionnaire": {"id": "ssi-selfcheck"},
    "answers": {"brand_photo": 2, "brand_headline": 1, "brand_about": 2, "brand_experience": 1, "brand_education_skills": 2,
    "brand_recommendations": 1, "brand_featured": 0, "brand_publishing": 0, "brand_followers": 1, "find_search": 1,
    "find_profile_views": 1, "find_vet_fit": 1, "find_vet_quality": 1, "find_follow_instead": 1, "find_active_days": 1,
    "find_profile_visitors": 1, "engage_posts": 2, "engage_post_replies": 1, "engage_reactions": 2, "engage_comments": 1,
    "engage_sharing": 1, "engage_groups": 1, "engage_messages": 1, "engage_offline": 0, "rel_connections": 2,
    "rel_received": 1, "rel_invitation_quality": 2, "rel_invitations": 1, "rel_unanswered": 1, "rel_pitch": 0,
    "rel_blocked": 0, "rel_decision_makers": 1, "rel_follow_up": 1, "sn_use": 0}})")
              .answers;
}

TEST(Calibration, TheShownRangeUsesTheStoredRealValuesNextToEstimates) {
  store::Document doc;
  doc.progress.answers = occasional_poster();
  doc.progress.screen = "results";
  doc.checks = {check("c1", "2026-10-01T09:00:00Z", 30), check("c2", "2026-10-20T09:00:00Z", 40),
                check("c3", "2026-11-10T09:00:00Z", 44), check("c4", "2026-11-20T09:00:00Z", 60)};
  // c1 ↔ r1 (off by 9, but older than the last three), c2 ↔ r2 (2), c3 ↔ r3 (3, same day), c3 ↔ r4 (1: c4 is later).
  doc.real = {real("r1", "2026-10-05", 39), real("r2", "2026-10-25", 38), real("r3", "2026-11-10", 41),
              real("r4", "2026-11-15", 45)};
  Harness h(1440, 900, "de-DE", {{std::string(app::kStoreKey), stored(doc)}});
  ASSERT_TRUE(h.ok) << h.error;
  h.frames(2);
  const Calibration& cal = h.model().calibration();
  EXPECT_EQ(cal.pairs, 3);
  EXPECT_EQ(cal.within, 3);
  const Result& r = h.model().result();
  ASSERT_EQ(r.answered, r.visible);
  const Range shown = h.model().range();
  EXPECT_EQ(shown.low, r.total - 3);
  EXPECT_EQ(shown.high, r.total + 3);
  EXPECT_NE(shown.high - shown.low, r.range.high - r.range.low) << "not the model's own width";
}

TEST(Calibration, WithoutRealValuesTheModelsRangeIsShown) {
  store::Document doc;
  doc.progress.answers = occasional_poster();
  doc.checks = {check("c1", "2026-10-01T09:00:00Z", 30)};
  doc.real = {real("r1", "2026-09-05", 39)};  // before every estimate: nothing to pair with
  Harness h(1440, 900, "de-DE", {{std::string(app::kStoreKey), stored(doc)}});
  ASSERT_TRUE(h.ok) << h.error;
  h.frames(2);
  EXPECT_EQ(h.model().calibration().pairs, 0);
  EXPECT_EQ(h.model().range().low, h.model().result().range.low);
  EXPECT_EQ(h.model().range().high, h.model().result().range.high);
}

}  // namespace
}  // namespace ssi::test
