// Keys and small helpers shared by every part of the core.
#include "core/codes.h"
#include "core/ssi.h"

namespace ssi {

std::string_view component_key(Component c) {
  switch (c) {
    case Component::Brand: return "brand";
    case Component::Find: return "find";
    case Component::Engage: return "engage";
    case Component::Relationships: return "relationships";
  }
  return "brand";
}

std::optional<Component> component_from_key(std::string_view key) {
  for (Component c : kComponents)
    if (component_key(c) == key) return c;
  return std::nullopt;
}

std::string_view lang_key(Lang lang) { return lang == Lang::De ? "de" : "en"; }

std::string_view corridor_key(Corridor c) {
  switch (c) {
    case Corridor::Inactive: return "inactive";
    case Corridor::Occasional: return "occasional";
    case Corridor::Active: return "active";
    case Corridor::Top: return "top";
  }
  return "inactive";
}

Corridor corridor_for(int total) {
  if (total < kCorridorStarts[0]) return Corridor::Inactive;
  if (total < kCorridorStarts[1]) return Corridor::Occasional;
  if (total <= kCorridorStarts[2]) return Corridor::Active;
  return Corridor::Top;
}

std::string_view question_type_key(QuestionType t) {
  switch (t) {
    case QuestionType::Single: return "single";
    case QuestionType::YesNo: return "yesno";
    case QuestionType::Frequency: return "frequency";
    case QuestionType::Range: return "range";
  }
  return "single";
}

const std::vector<std::string_view>& problem_codes() {
  static const std::vector<std::string_view> codes = {
      code::kInvalidJson,
      code::kNotObject,
      code::kMissingField,
      code::kNotString,
      code::kNotObjectField,
      code::kNotArray,
      code::kNotInteger,
      code::kMissingTranslation,
      code::kEmptyText,
      code::kUnsupportedSchema,
      code::kInvalidId,
      code::kNoQuestions,
      code::kDuplicateId,
      code::kUnknownComponent,
      code::kUnknownType,
      code::kUnknownTier,
      code::kNoOptions,
      code::kTooFewOptions,
      code::kTooManyOptions,
      code::kYesNoNeedsTwo,
      code::kOptionWithoutPoints,
      code::kPointsNotNumber,
      code::kPointsNotInteger,
      code::kPointsOutOfRange,
      code::kNoEffect,
      code::kConditionUnknownQuestion,
      code::kConditionNotEarlier,
      code::kConditionOptionOutOfRange,
      code::kUnreachable,
      code::kConditionNotMonotone,
      code::kConditionalNegativePoints,
      code::kSalesNavigatorNegativePoints,
      code::kSalesNavigatorWithoutGate,
      code::kTooFewQuestions,
      code::kTooManyQuestions,
      code::kComponentWithoutPoints,
      code::kCurvePoint,
      code::kCurveEnds,
      code::kCurveOrder,
      code::kMarginOutOfRange,
      code::kWrongSchema,
      code::kUnsupportedVersion,
      code::kOtherQuestionnaire,
      code::kUnknownQuestion,
      code::kOptionOutOfRange,
      code::kEmptyKey,
      code::kPlaceholderMismatch,
      code::kTextsCount,
      code::kTruncated,
      code::kTooDeep,
      code::kStringTooLong,
      code::kControlCharacter,
      code::kNotFinite,
      code::kOutOfRange,
      code::kStoreWrongSchema,
      code::kStoreFutureVersion,
      code::kStoreUnknownVersion,
      code::kImportEmpty,
      code::kImportTooLarge,
      code::kImportWrongType,
      code::kImportFutureVersion,
      code::kImportUnknownVersion,
      code::kImportDuplicateId,
      code::kImportInvalidId,
      code::kInvalidTimestamp,
      code::kInputEmpty,
      code::kInputNotANumber,
      code::kInputTooManyDecimals,
      code::kInputOutOfRange,
      code::kInputPercentMalformed,
      code::kInputPercentOutOfRange,
      code::kDateMalformed,
      code::kDateInvalid,
      code::kNotNumber,
      code::kTooManyDecimals,
      code::kWorkshopEmpty,
      code::kWorkshopTooLarge,
      code::kWorkshopWrongType,
      code::kWorkshopExportFile,
      code::kWorkshopFutureVersion,
      code::kWorkshopUnknownVersion,
      code::kWorkshopTotalMismatch,
      code::kWorkshopCorridorMismatch,
      code::kNicknameTooLong,
      code::kNicknameInvalid,
      code::kWorkshopTooManyFiles,
      code::kDuplicateKey,
      code::kUtf16,
      code::kNulByte,
      code::kInvalidUtf8,
      code::kFileTooLarge,
      code::kStoreTooLarge,
      code::kStoreInvalidId,
      code::kStoreDuplicateId,
      code::kStoreTooManyEntries,
      code::kStoreEntryCut,
      code::kStoreTotalMismatch,
      code::kImportTotalMismatch,
      code::kImportWouldNotFit,
      code::kImportTooManyEntries,
      code::kImportNothingSalvaged,
      code::kInvalidQuestionnaireId,
      code::kInvalidVersion,
      code::kNicknameDirection,
      code::kNicknameInvisible,
  };
  return codes;
}

int Question::max_points() const {
  if (options.empty()) return 0;
  int m = options.front().points;
  for (const Option& o : options)
    if (o.points > m) m = o.points;
  return m;
}

int Question::min_points() const {
  if (options.empty()) return 0;
  int m = options.front().points;
  for (const Option& o : options)
    if (o.points < m) m = o.points;
  return m;
}

const Question* Questionnaire::find(std::string_view question_id) const {
  int i = index_of(question_id);
  return i < 0 ? nullptr : &questions[static_cast<std::size_t>(i)];
}

int Questionnaire::index_of(std::string_view question_id) const {
  for (std::size_t i = 0; i < questions.size(); ++i)
    if (questions[i].id == question_id) return static_cast<int>(i);
  return -1;
}

}  // namespace ssi
