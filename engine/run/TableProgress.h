#pragma once

#include <QJsonObject>
#include <QString>

namespace cutover {

// Where one table of a running run stands: a progress event's row.
struct TableProgress
{
    enum class Stage
    {
        Waiting,   // for its turn or for the tables it refers to
        Preparing, // counting source rows, compiling the mapping
        Loading,
        Finishing, // rebuilding indexes, recording the ledger
        Done,
        Failed,
        Stopped // the run stopped before or while the table loaded
    };

    QString table;
    Stage stage = Stage::Waiting;
    qint64 expectedRows = -1; // rows to read (after filters), -1 until counted
    qint64 read = 0;
    qint64 written = 0; // in a dry run: rows that would have been written
    qint64 quarantined = 0;
    double rowsPerSecond = 0;
    qint64 etaSeconds = -1; // -1 when unknown
    qint64 elapsedMs = 0;

    static QString stageName(Stage stage);
    QJsonObject toJson() const;
};

} // namespace cutover
