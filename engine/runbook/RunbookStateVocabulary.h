#pragma once

#include "runbook/RunbookState.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace cutover {

// The words the audit trail, the CLI and the exports use for a runbook's states.
class RunbookStateVocabulary
{
public:
    static QString statusName(StepStatus value); // "in-progress"
    static std::optional<StepStatus> status(const QString &name);
    static QStringList statusNames();
    static QString statusTitle(StepStatus value); // "In progress"

    static QString decisionName(SignOff::Decision value); // "approve-with-conditions"
    static std::optional<SignOff::Decision> decision(const QString &name);
    static QStringList decisionNames();
    static QString decisionTitle(SignOff::Decision value); // "Approve with conditions"

    static QString evidenceKindName(Evidence::Kind value);
    static std::optional<Evidence::Kind> evidenceKind(const QString &name);

    static QString modeName(RunbookExecution::Mode value);
    static std::optional<RunbookExecution::Mode> mode(const QString &name);
};

} // namespace cutover
