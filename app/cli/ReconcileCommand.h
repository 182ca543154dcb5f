#pragma once

#include "CliCommand.h"
#include "core/Result.h"
#include "reconcile/ReconcileOptions.h"
#include "reconcile/ReconcileReport.h"
#include "report/ReportComparison.h"

#include <optional>

class QCommandLineParser;

namespace cutover {
class Project;
}

namespace cutover::cli {

// cutover-cli reconcile PROJECT [--table T]... [--run R] [--format json|html|md|pdf] [-o FILE]
//                       [--no-mask] [--sample N] [--seed N] [--method auto|exact|checksums]
//                       [--no-store]
// Compares what the target holds with the source passed through the mapping, prints a summary
// per table (or the export on stdout), stores the report with its run and writes the export.
// Exit code 0 on Pass, 1 on Fail or Needs review (or when cancelled), 2 on a usage error, 3 when
// a connection or a file cannot be opened.
class ReconcileCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("reconcile"); }
    QString summary() const override
    {
        return QStringLiteral("prove what arrived: compare the target with the mapped source");
    }
    int run(CliContext &context) override;

    // Stores the report in the project's target and returns the comparison with the previous
    // one; a target that cannot keep reports gives a notice on err, not a failure.
    static ReportComparison storeAndCompare(CliContext &context, const Project &project,
                                            const ReconcileReport &report, bool store);

private:
    static std::optional<ReconcileOptions> options(CliContext &context,
                                                   const QCommandLineParser &parser);
    static Result<ReconcileReport> reconcile(CliContext &context, const Project &project,
                                             const ReconcileOptions &options);
};

} // namespace cutover::cli
