#pragma once

#include "core/Result.h"
#include "run/ledger/QuarantineFilter.h"
#include "transform/QuarantinedRow.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <functional>

class QIODevice;

namespace cutover {

class QuarantineReader;

// Quarantined rows exported for a person or a program, the one format `cutover-cli quarantine`
// and the window's quarantine browser both write:
//   JSON {"count", "project", "rows": [{runId, table, sourceKey, quarantinedAt, retriedInRun,
//         violations, rawValues}]}, pretty-printed by JsonWriter;
//   CSV  source_key, run_id, table, quarantined_at, retried_in_run, violations (ViolationText's
//        words joined by " | "), then a column per raw value in the order first seen (one whose
//        name clashes with those gets the prefix "raw."), RFC 4180 with CRLF line ends.
// The static functions format rows in memory; an object streams the rows a QuarantineReader
// selects to a file a chunk at a time (a million rows never held at once), in
// RunLedger::quarantine's order, giving the same bytes as formatting them all in memory.
class QuarantineExport
{
public:
    enum class Format
    {
        Csv,
        Json
    };
    // Rows written so far and in all; return false to cancel.
    using Progress = std::function<bool(qint64 written, qint64 total)>;

    // JSON for a file ending in .json (any case), else CSV.
    static Format formatOf(const QString &file);
    static QJsonObject toJson(const QString &project, const QList<QuarantinedRow> &rows);
    static QJsonObject rowJson(const QuarantinedRow &row);
    static QByteArray toCsv(const QList<QuarantinedRow> &rows);
    // A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static QString csvField(const QString &text);
    // Writes rows formatted in memory to file, all or nothing, as formatOf(file) says.
    static Result<qint64> writeList(const QString &file, const QString &project,
                                    const QList<QuarantinedRow> &rows);

    QuarantineExport(QuarantineReader &reader, QuarantineFilter filter, QString project);
    void setProgress(Progress progress) { m_progress = std::move(progress); }
    void setChunkSize(int rows) { m_chunkSize = rows; }

    // Writes the rows to file, all or nothing (QSaveFile), as formatOf(file) says; the number
    // of rows written. Fails (Io, Cancelled, or the reader's error) leaving no file behind; and
    // when the quarantine changed while it was being written (a run quarantining rows).
    Result<qint64> writeFile(const QString &file);
    Result<qint64> write(QIODevice &out, Format format);

private:
    Result<qint64> writeCsv(QIODevice &out);
    Result<qint64> writeJson(QIODevice &out);
    Result<QStringList> rawColumnsOfAll(qint64 &rows);
    Result<qint64> streamRows(QIODevice &out, qint64 total,
                              const std::function<QByteArray(const QuarantinedRow &, qint64)> &);
    Error changed() const;
    static Result<qint64> saved(const QString &file,
                                const std::function<Result<qint64>(QIODevice &)> &write);

    static void addRawColumns(QStringList &columns, const QuarantinedRow &row);
    static QStringList csvHeader(const QStringList &raw);
    static QByteArray csvRow(const QuarantinedRow &row, const QStringList &raw);
    static QByteArray csvLine(const QStringList &fields);
    static QString rawText(const QJsonValue &value);
    static QByteArray jsonHead(const QString &project, qint64 count);

    QuarantineReader &m_reader;
    QuarantineFilter m_filter;
    QString m_project;
    Progress m_progress;
    int m_chunkSize = 1000;
};

} // namespace cutover
