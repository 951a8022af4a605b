// Problem codes: the keys of content/messages.json that the core can report.
// One constant per code, so a typo is a compile error and problem_codes() can list them all
// (a test checks that each has a German and an English message).
#pragma once

#include <string_view>

namespace ssi::code {

// Any JSON file
inline constexpr std::string_view kInvalidJson = "json.invalid";  // {line} {column}
inline constexpr std::string_view kNotObject = "json.not_object";
inline constexpr std::string_view kMissingField = "field.missing";  // {field}
inline constexpr std::string_view kNotString = "field.not_string";
inline constexpr std::string_view kNotObjectField = "field.not_object";
inline constexpr std::string_view kNotArray = "field.not_array";
inline constexpr std::string_view kNotInteger = "field.not_integer";
inline constexpr std::string_view kMissingTranslation = "text.missing_translation";  // {lang}
inline constexpr std::string_view kEmptyText = "text.empty";                         // {lang}

// Questionnaire
inline constexpr std::string_view kUnsupportedSchema = "questionnaire.unsupported_schema";  // {found} {expected}
inline constexpr std::string_view kInvalidId = "questionnaire.invalid_id";                  // {id}
inline constexpr std::string_view kNoQuestions = "questionnaire.no_questions";
inline constexpr std::string_view kDuplicateId = "questionnaire.duplicate_id";            // {id} {first}
inline constexpr std::string_view kUnknownComponent = "questionnaire.unknown_component";  // {value}
inline constexpr std::string_view kUnknownType = "questionnaire.unknown_type";            // {value}
inline constexpr std::string_view kUnknownTier = "questionnaire.unknown_tier";            // {value}
inline constexpr std::string_view kNoOptions = "questionnaire.no_options";
inline constexpr std::string_view kTooFewOptions = "questionnaire.too_few_options";    // {count} {min} {type}
inline constexpr std::string_view kTooManyOptions = "questionnaire.too_many_options";  // {count} {max}
inline constexpr std::string_view kYesNoNeedsTwo = "questionnaire.yesno_needs_two";    // {count}
inline constexpr std::string_view kOptionWithoutPoints = "questionnaire.option_without_points";
inline constexpr std::string_view kPointsNotNumber = "questionnaire.points_not_number";
inline constexpr std::string_view kPointsNotInteger = "questionnaire.points_not_integer";   // {value}
inline constexpr std::string_view kPointsOutOfRange = "questionnaire.points_out_of_range";  // {value} {max}
inline constexpr std::string_view kNoEffect = "questionnaire.no_effect";
inline constexpr std::string_view kConditionUnknownQuestion = "questionnaire.condition_unknown_question";  // {id}
inline constexpr std::string_view kConditionNotEarlier = "questionnaire.condition_not_earlier";            // {id}
inline constexpr std::string_view kConditionOptionOutOfRange =
    "questionnaire.condition_option_out_of_range";  // {option} {count} {id}
inline constexpr std::string_view kUnreachable = "questionnaire.unreachable";
inline constexpr std::string_view kConditionNotMonotone = "questionnaire.condition_not_monotone";  // {id}
inline constexpr std::string_view kConditionalNegativePoints = "questionnaire.conditional_negative_points";
inline constexpr std::string_view kSalesNavigatorNegativePoints = "questionnaire.sales_navigator_negative_points";
inline constexpr std::string_view kSalesNavigatorWithoutGate = "questionnaire.sales_navigator_without_gate";
inline constexpr std::string_view kTooFewQuestions = "questionnaire.too_few_questions";    // {component} {count} {min}
inline constexpr std::string_view kTooManyQuestions = "questionnaire.too_many_questions";  // {component} {count} {max}
inline constexpr std::string_view kComponentWithoutPoints = "questionnaire.component_without_points";  // {component}
inline constexpr std::string_view kCurvePoint = "questionnaire.curve_point";
inline constexpr std::string_view kCurveEnds = "questionnaire.curve_ends";
inline constexpr std::string_view kCurveOrder = "questionnaire.curve_order";
inline constexpr std::string_view kMarginOutOfRange = "questionnaire.margin_out_of_range";  // {value} {max}

inline constexpr std::string_view kInvalidQuestionnaireId = "questionnaire.invalid_questionnaire_id";  // {id} {max}
inline constexpr std::string_view kInvalidVersion = "questionnaire.invalid_version";  // {version} {max}

// Saved answers
inline constexpr std::string_view kWrongSchema = "answers.wrong_schema";                // {found} {expected}
inline constexpr std::string_view kUnsupportedVersion = "answers.unsupported_version";  // {found} {expected}
inline constexpr std::string_view kOtherQuestionnaire = "answers.other_questionnaire";  // {found} {expected}
inline constexpr std::string_view kUnknownQuestion = "answers.unknown_question";        // {id}
inline constexpr std::string_view kOptionOutOfRange = "answers.option_out_of_range";    // {id} {option} {count}

// Any JSON file read with limits (core/store.h: stored document and imports)
inline constexpr std::string_view kTruncated = "json.truncated";            // {line} {column}
inline constexpr std::string_view kTooDeep = "json.too_deep";               // {max}
inline constexpr std::string_view kStringTooLong = "json.string_too_long";  // {max}
inline constexpr std::string_view kControlCharacter = "json.control_character";
inline constexpr std::string_view kNotFinite = "json.not_finite";
inline constexpr std::string_view kOutOfRange = "field.out_of_range";    // {value} {min} {max}
inline constexpr std::string_view kDuplicateKey = "json.duplicate_key";  // {key}
inline constexpr std::string_view kUtf16 = "json.utf16";
inline constexpr std::string_view kNulByte = "json.nul_byte";          // {line} {column}
inline constexpr std::string_view kInvalidUtf8 = "json.invalid_utf8";  // {line} {column}
inline constexpr std::string_view kFileTooLarge = "file.too_large";    // {max} (KiB)

// Stored document (core/store.h)
inline constexpr std::string_view kStoreWrongSchema = "store.wrong_schema";         // {found} {expected}
inline constexpr std::string_view kStoreFutureVersion = "store.future_version";     // {found} {expected}
inline constexpr std::string_view kStoreUnknownVersion = "store.unknown_version";   // {found}
inline constexpr std::string_view kStoreTooLarge = "store.too_large";               // {max} (KiB)
inline constexpr std::string_view kStoreInvalidId = "store.invalid_id";             // {id}
inline constexpr std::string_view kStoreDuplicateId = "store.duplicate_id";         // {id}
inline constexpr std::string_view kStoreTooManyEntries = "store.too_many_entries";  // {count} {max}
inline constexpr std::string_view kStoreEntryCut = "store.entry_cut";
inline constexpr std::string_view kStoreTotalMismatch = "store.total_mismatch";  // {found} {expected}

// Import files (core/store.h)
inline constexpr std::string_view kImportEmpty = "import.empty";
inline constexpr std::string_view kImportTooLarge = "import.too_large";               // {max}
inline constexpr std::string_view kImportWrongType = "import.wrong_type";             // {found}
inline constexpr std::string_view kImportFutureVersion = "import.future_version";     // {found} {expected}
inline constexpr std::string_view kImportUnknownVersion = "import.unknown_version";   // {found}
inline constexpr std::string_view kImportDuplicateId = "import.duplicate_id";         // {id}
inline constexpr std::string_view kImportInvalidId = "import.invalid_id";             // {id}
inline constexpr std::string_view kInvalidTimestamp = "date.invalid_timestamp";       // {value}
inline constexpr std::string_view kImportTotalMismatch = "import.total_mismatch";     // {found} {expected}
inline constexpr std::string_view kImportWouldNotFit = "import.would_not_fit";        // {max} (KiB)
inline constexpr std::string_view kImportTooManyEntries = "import.too_many_entries";  // {count} {max}
inline constexpr std::string_view kImportNothingSalvaged = "import.nothing_salvaged";

// Real SSI input (core/store.h)
inline constexpr std::string_view kInputEmpty = "input.empty";
inline constexpr std::string_view kInputNotANumber = "input.not_a_number";                 // {value}
inline constexpr std::string_view kInputTooManyDecimals = "input.too_many_decimals";       // {value}
inline constexpr std::string_view kInputOutOfRange = "input.out_of_range";                 // {value}
inline constexpr std::string_view kInputPercentMalformed = "input.percent_malformed";      // {value}
inline constexpr std::string_view kInputPercentOutOfRange = "input.percent_out_of_range";  // {value}
inline constexpr std::string_view kDateMalformed = "date.malformed";                       // {value}
inline constexpr std::string_view kDateInvalid = "date.invalid";                           // {value}

// Hand-over and group files (core/workshop.h)
inline constexpr std::string_view kNotNumber = "field.not_number";
inline constexpr std::string_view kTooManyDecimals = "field.too_many_decimals";  // {value}
inline constexpr std::string_view kWorkshopEmpty = "workshop.empty";
inline constexpr std::string_view kWorkshopTooLarge = "workshop.too_large";    // {max} (KiB)
inline constexpr std::string_view kWorkshopWrongType = "workshop.wrong_type";  // {found}
inline constexpr std::string_view kWorkshopExportFile = "workshop.export_file";
inline constexpr std::string_view kWorkshopFutureVersion = "workshop.future_version";        // {found} {expected}
inline constexpr std::string_view kWorkshopUnknownVersion = "workshop.unknown_version";      // {found}
inline constexpr std::string_view kWorkshopTotalMismatch = "workshop.total_mismatch";        // {found} {expected}
inline constexpr std::string_view kWorkshopCorridorMismatch = "workshop.corridor_mismatch";  // {found} {expected}
inline constexpr std::string_view kNicknameTooLong = "workshop.nickname_too_long";           // {max}
inline constexpr std::string_view kNicknameInvalid = "workshop.nickname_invalid";
inline constexpr std::string_view kNicknameDirection = "workshop.nickname_direction";
inline constexpr std::string_view kNicknameInvisible = "workshop.nickname_invisible";
inline constexpr std::string_view kWorkshopTooManyFiles = "workshop.too_many_files";  // {max}
inline constexpr std::string_view kCodeFields = "workshop.code_fields";               // {expected}
inline constexpr std::string_view kCodeChecksum = "workshop.code_checksum";
inline constexpr std::string_view kCompareBeforeEmpty = "workshop.compare_before_empty";
inline constexpr std::string_view kCompareAfterEmpty = "workshop.compare_after_empty";
inline constexpr std::string_view kCompareOtherQuestionnaire =
    "workshop.compare_other_questionnaire";                                                   // {id} {version}
inline constexpr std::string_view kCompareNicknameTwice = "workshop.compare_nickname_twice";  // {nickname}

// Message catalogues
inline constexpr std::string_view kEmptyKey = "catalog.empty_key";
inline constexpr std::string_view kPlaceholderMismatch = "catalog.placeholder_mismatch";  // {de} {en}
// The shipped content's texts (join_texts)
inline constexpr std::string_view kTextsCount = "content.texts_count";  // {lang} {found} {expected}

}  // namespace ssi::code
