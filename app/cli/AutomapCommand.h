#pragma once

#include "CliCommand.h"
#include "automap/AutoMapper.h"

namespace cutover {
class Project;
}

namespace cutover::cli {

// cutover-cli automap PROJECT [--table T] [--json] [--write] [--min-confidence C]: suggests
// table and column mappings for the target tables that have none (or for T), and with --write
// adds the confident ones to the project as ordinary mappings, never touching existing ones.
class AutomapCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("automap"); }
    QString summary() const override
    {
        return QStringLiteral("suggest table and column mappings, optionally write them");
    }
    int run(CliContext &context) override;

private:
    using Suggestions = QList<AutoMapper::MappingSuggestion>;

    static void printText(QTextStream &out, const Suggestions &suggestions, double minConfidence);
    static void printJson(QTextStream &out, const QString &projectFile,
                          const Suggestions &suggestions, double minConfidence,
                          const QStringList &written, const QStringList &creatable);
    static QStringList sourceTablesUncovered(const Project &project, const DatabaseSchema &source,
                                             const Suggestions &suggestions);
    // Adds the suggestions for unmapped targets to project; returns the targets written.
    static QStringList addMappings(Project &project, const Suggestions &suggestions,
                                   double minConfidence);
};

} // namespace cutover::cli
