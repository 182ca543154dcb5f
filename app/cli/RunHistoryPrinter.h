#pragma once

#include "run/ledger/RunRecord.h"

#include <QJsonObject>
#include <QList>
#include <QTextStream>

namespace cutover::cli {

// The run history of `cutover-cli runs`: a block per run, newest first (id, mode, status,
// start, duration, phase, mapping version, message), each with its tables' row ledger
// (source, loaded, quarantined, skipped, whether it balances, seconds) in aligned columns; or
// everything as one JSON document.
class RunHistoryPrinter
{
public:
    static void printText(QTextStream &out, const QString &project, const QString &target,
                          const QList<RunRecord> &runs);
    static QJsonObject toJson(const QString &project, const QString &target,
                              const QList<RunRecord> &runs);

    // 0.4s, 12.3s, 4m05s, 2h07m; "--" when unknown.
    static QString duration(double seconds);

private:
    static void printRun(QTextStream &out, const RunRecord &run);
    static QJsonObject runJson(const RunRecord &run);
    static QJsonObject tableJson(const RunTableRecord &table);
};

} // namespace cutover::cli
