#pragma once

#include "project/Rule.h"
#include "project/RunbookStep.h"
#include "project/TableMapping.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace cutover {

// The words a project file uses for its enumerations, in both directions.
class ProjectVocabulary
{
public:
    static QString keyStrategyName(TableMapping::KeyStrategy value);
    static std::optional<TableMapping::KeyStrategy> keyStrategy(const QString &name);
    static QString modeName(TableMapping::Mode value);
    static std::optional<TableMapping::Mode> mode(const QString &name);
    static QString ruleKindName(Rule::Kind value);
    static std::optional<Rule::Kind> ruleKind(const QString &name);
    static QString severityName(Rule::Severity value);
    static std::optional<Rule::Severity> severity(const QString &name);
    static QString actionName(RunbookStep::Action value);
    static std::optional<RunbookStep::Action> action(const QString &name);
    // ColumnMapping::isoTimestamps: "sqlite" (false) or "iso8601" (true).
    static QString timestampTextName(bool iso);
    static std::optional<bool> isoTimestamps(const QString &name);

    // All names of one enumeration, for error messages ("expected one of ...").
    static QStringList keyStrategyNames();
    static QStringList modeNames();
    static QStringList ruleKindNames();
    static QStringList severityNames();
    static QStringList actionNames();
    static QStringList timestampTextNames();
};

} // namespace cutover
