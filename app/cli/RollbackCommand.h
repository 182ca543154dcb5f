#pragma once

#include "CliCommand.h"
#include "run/RunRollback.h"

namespace cutover::cli {

// cutover-cli rollback PROJECT RUN [--force]: undoes one run (engine/RunRollback): a SQLite
// target is restored from the backup taken before the run; on PostgreSQL and MySQL the rows the
// run wrote are deleted and the tables it created dropped. RUN may be an unambiguous prefix of
// the run id. Exit code 0 when rolled back, 1 when refused (a dry run, already rolled back, no
// backup, later runs, ...: nothing was changed), 2 on a usage error or an unknown run, 3 when
// the project or the target cannot be opened.
class RollbackCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("rollback"); }
    QString summary() const override
    {
        return QStringLiteral("undo a run: restore the backup, or delete its rows and tables");
    }
    int run(CliContext &context) override;

private:
    static void printReport(QTextStream &out, const RunRollback::Report &report);
};

} // namespace cutover::cli
