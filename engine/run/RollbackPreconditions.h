#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "dialect/ConnectionSpec.h"
#include "project/Project.h"
#include "run/ledger/RunRecord.h"

#include <QList>
#include <QStringList>

namespace cutover {

// Whether a run can be rolled back, decided before anything is changed. Refused, with an
// Error::Code::Usage that says why: a dry run, a run already rolled back, a SQLite run without
// its backup, and unless forced a run still marked running, a run after which other runs of the
// project changed the target (undoing it would undo or break them), and on a server a table the
// run changed in ways deleting its rows cannot undo (it existed and was upserted or emptied for
// truncate-and-load, or its rows have no key the run could record: no primary key, or one the
// database generates). What force overrides is returned, to be reported.
class RollbackPreconditions
{
public:
    // where: the target as errors name it.
    RollbackPreconditions(const Project &project, ConnectionSpec target, QString where);

    // The runs newer than run that left rows in the target (runs: newest first).
    static QList<RunRecord> laterRuns(const QList<RunRecord> &runs, const RunRecord &run);
    // SQLite: the backup the run took before it wrote anything.
    QString backupFile(const RunRecord &run) const;
    // The refusals that need no look at the tables; appends to forced what force overrode.
    Result<void> check(const RunRecord &run, const QList<RunRecord> &later, bool force,
                       QStringList &forced) const;
    // On a server: what deleting the rows the run wrote into tables cannot undo.
    QStringList hazards(const RunRecord &run, const QList<TableInfo> &tables) const;
    Error refusal(const RunRecord &run, const QString &why, const QString &hint = {}) const;
    // Why the rows the run wrote to table cannot be found by their key; empty when they can.
    QString unkeyed(const TableInfo &table) const;

private:
    const Project &m_project;
    ConnectionSpec m_target;
    QString m_where;
};

} // namespace cutover
