#include "runbook/RunbookStateVocabulary.h"

#include "project/VocabularyTable.h"

namespace cutover {

namespace {

using vocabulary::nameOf;
using vocabulary::namesOf;
using vocabulary::Table;
using vocabulary::valueOf;

constexpr Table<StepStatus, 6> kStatuses{{
    {StepStatus::Pending, "pending"},
    {StepStatus::InProgress, "in-progress"},
    {StepStatus::Done, "done"},
    {StepStatus::Skipped, "skipped"},
    {StepStatus::Failed, "failed"},
    {StepStatus::Blocked, "blocked"},
}};
constexpr Table<StepStatus, 6> kStatusTitles{{
    {StepStatus::Pending, "Pending"},
    {StepStatus::InProgress, "In progress"},
    {StepStatus::Done, "Done"},
    {StepStatus::Skipped, "Skipped"},
    {StepStatus::Failed, "Failed"},
    {StepStatus::Blocked, "Blocked"},
}};
constexpr Table<SignOff::Decision, 3> kDecisions{{
    {SignOff::Decision::Approve, "approve"},
    {SignOff::Decision::Reject, "reject"},
    {SignOff::Decision::ApproveWithConditions, "approve-with-conditions"},
}};
constexpr Table<SignOff::Decision, 3> kDecisionTitles{{
    {SignOff::Decision::Approve, "Approve"},
    {SignOff::Decision::Reject, "Reject"},
    {SignOff::Decision::ApproveWithConditions, "Approve with conditions"},
}};
constexpr Table<Evidence::Kind, 4> kEvidenceKinds{{
    {Evidence::Kind::Run, "run"},
    {Evidence::Kind::Report, "report"},
    {Evidence::Kind::File, "file"},
    {Evidence::Kind::Link, "link"},
}};
constexpr Table<RunbookExecution::Mode, 2> kModes{{
    {RunbookExecution::Mode::Rehearsal, "rehearsal"},
    {RunbookExecution::Mode::Live, "live"},
}};

} // namespace

QString RunbookStateVocabulary::statusName(StepStatus v)
{
    return nameOf(kStatuses, v);
}
std::optional<StepStatus> RunbookStateVocabulary::status(const QString &n)
{
    return valueOf(kStatuses, n);
}
QStringList RunbookStateVocabulary::statusNames()
{
    return namesOf(kStatuses);
}
QString RunbookStateVocabulary::statusTitle(StepStatus v)
{
    return nameOf(kStatusTitles, v);
}

QString RunbookStateVocabulary::decisionName(SignOff::Decision v)
{
    return nameOf(kDecisions, v);
}
std::optional<SignOff::Decision> RunbookStateVocabulary::decision(const QString &n)
{
    return valueOf(kDecisions, n);
}
QStringList RunbookStateVocabulary::decisionNames()
{
    return namesOf(kDecisions);
}
QString RunbookStateVocabulary::decisionTitle(SignOff::Decision v)
{
    return nameOf(kDecisionTitles, v);
}

QString RunbookStateVocabulary::evidenceKindName(Evidence::Kind v)
{
    return nameOf(kEvidenceKinds, v);
}
std::optional<Evidence::Kind> RunbookStateVocabulary::evidenceKind(const QString &n)
{
    return valueOf(kEvidenceKinds, n);
}

QString RunbookStateVocabulary::modeName(RunbookExecution::Mode v)
{
    return nameOf(kModes, v);
}
std::optional<RunbookExecution::Mode> RunbookStateVocabulary::mode(const QString &n)
{
    return valueOf(kModes, n);
}

} // namespace cutover
