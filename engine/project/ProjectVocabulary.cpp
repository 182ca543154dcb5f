#include "project/ProjectVocabulary.h"

#include "project/VocabularyTable.h"

namespace cutover {

namespace {

using vocabulary::nameOf;
using vocabulary::namesOf;
using vocabulary::Table;
using vocabulary::valueOf;

constexpr Table<TableMapping::KeyStrategy, 3> kKeyStrategies{{
    {TableMapping::KeyStrategy::Keep, "keep"},
    {TableMapping::KeyStrategy::RemapUuid, "remap-uuid"},
    {TableMapping::KeyStrategy::Generate, "generate"},
}};
constexpr Table<TableMapping::Mode, 3> kModes{{
    {TableMapping::Mode::Insert, "insert"},
    {TableMapping::Mode::Upsert, "upsert"},
    {TableMapping::Mode::TruncateLoad, "truncate-load"},
}};
constexpr Table<Rule::Kind, 7> kRuleKinds{{
    {Rule::Kind::NotNull, "not-null"},
    {Rule::Kind::Unique, "unique"},
    {Rule::Kind::Pattern, "pattern"},
    {Rule::Kind::Range, "range"},
    {Rule::Kind::AllowedValues, "allowed-values"},
    {Rule::Kind::ReferenceExists, "reference-exists"},
    {Rule::Kind::Expression, "expression"},
}};
constexpr Table<Rule::Severity, 2> kSeverities{{
    {Rule::Severity::Blocking, "blocking"},
    {Rule::Severity::Warning, "warning"},
}};
constexpr Table<bool, 2> kTimestampTexts{{
    {false, "sqlite"},
    {true, "iso8601"},
}};
constexpr Table<RunbookStep::Action, 7> kActions{{
    {RunbookStep::Action::Manual, "manual"},
    {RunbookStep::Action::Backup, "backup"},
    {RunbookStep::Action::DryRun, "dry-run"},
    {RunbookStep::Action::Run, "run"},
    {RunbookStep::Action::IncrementalSync, "incremental-sync"},
    {RunbookStep::Action::Reconcile, "reconcile"},
    {RunbookStep::Action::Rollback, "rollback"},
}};

} // namespace

QString ProjectVocabulary::keyStrategyName(TableMapping::KeyStrategy v)
{
    return nameOf(kKeyStrategies, v);
}
std::optional<TableMapping::KeyStrategy> ProjectVocabulary::keyStrategy(const QString &n)
{
    return valueOf(kKeyStrategies, n);
}
QString ProjectVocabulary::modeName(TableMapping::Mode v)
{
    return nameOf(kModes, v);
}
std::optional<TableMapping::Mode> ProjectVocabulary::mode(const QString &n)
{
    return valueOf(kModes, n);
}
QString ProjectVocabulary::ruleKindName(Rule::Kind v)
{
    return nameOf(kRuleKinds, v);
}
std::optional<Rule::Kind> ProjectVocabulary::ruleKind(const QString &n)
{
    return valueOf(kRuleKinds, n);
}
QString ProjectVocabulary::severityName(Rule::Severity v)
{
    return nameOf(kSeverities, v);
}
std::optional<Rule::Severity> ProjectVocabulary::severity(const QString &n)
{
    return valueOf(kSeverities, n);
}
QString ProjectVocabulary::actionName(RunbookStep::Action v)
{
    return nameOf(kActions, v);
}
std::optional<RunbookStep::Action> ProjectVocabulary::action(const QString &n)
{
    return valueOf(kActions, n);
}

QString ProjectVocabulary::timestampTextName(bool iso)
{
    return nameOf(kTimestampTexts, iso);
}
std::optional<bool> ProjectVocabulary::isoTimestamps(const QString &name)
{
    return valueOf(kTimestampTexts, name);
}
QStringList ProjectVocabulary::timestampTextNames()
{
    return namesOf(kTimestampTexts);
}
QStringList ProjectVocabulary::keyStrategyNames()
{
    return namesOf(kKeyStrategies);
}
QStringList ProjectVocabulary::modeNames()
{
    return namesOf(kModes);
}
QStringList ProjectVocabulary::ruleKindNames()
{
    return namesOf(kRuleKinds);
}
QStringList ProjectVocabulary::severityNames()
{
    return namesOf(kSeverities);
}
QStringList ProjectVocabulary::actionNames()
{
    return namesOf(kActions);
}

} // namespace cutover
