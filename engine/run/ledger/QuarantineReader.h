#pragma once

#include "core/Result.h"
#include "run/ledger/QuarantineFilter.h"
#include "run/ledger/QuarantineSort.h"
#include "transform/QuarantinedRow.h"

#include <QList>
#include <QVariantList>
#include <functional>

namespace cutover {

class TargetSession;

// Reads cutover_quarantine a piece at a time, for a browser that opens a million quarantined
// rows at once and an export that never holds them all: a count, pages in the ledger's read
// order (keyset paging over LedgerSchema's index on run, table, row number and key) or sorted
// by a column on the database (QuarantineOrder), and, for the export, every row in
// RunLedger::quarantine's order (by run and table, each table's rows in the order of their
// source keys) a chunk at a time. Makes sure of the ledger's tables (LedgerSchema::
// ensureTables) once, like RunLedger; call it outside a transaction.
class QuarantineReader
{
public:
    explicit QuarantineReader(TargetSession &session);

    // How many rows the filter selects.
    Result<qint64> count(const QuarantineFilter &filter);
    // Up to limit rows the filter selects, after the row `after` (nullptr: from the first), in
    // the sort's order (QuarantineSort; by default run id, table, row number, source key).
    Result<QList<QuarantinedRow>> page(const QuarantineFilter &filter, const QuarantinedRow *after,
                                       int limit, const QuarantineSort &sort = {});
    // Passes every row the filter selects to visit, in chunks of at most chunkSize rows, in
    // RunLedger::quarantine's order; stops when visit returns false (the result is then false).
    // Holds one chunk and one table's source keys at a time.
    using Visitor = std::function<bool(const QList<QuarantinedRow> &chunk)>;
    Result<bool> forEachInKeyOrder(const QuarantineFilter &filter, int chunkSize,
                                   const Visitor &visit);

private:
    struct Group
    {
        QString runId;
        QString table;
    };
    struct KeyRef
    {
        QVariantList parts;
        QString key;
        qint64 rowNumber;
    };

    Result<void> ready();
    QString q(const QString &identifier) const;
    QString table() const;
    QVariant keyValue(const QString &key) const;
    QString where(const QuarantineFilter &filter, QVariantList &params) const;
    QString reasonCondition(const QuarantineFilter &filter, QVariantList &params) const;
    QString textCondition(const QString &text, QVariantList &params) const;
    Error failure(const QString &what, const Error &cause) const;

    Result<QList<Group>> groups(const QuarantineFilter &filter);
    Result<std::vector<KeyRef>> keysInOrder(const QuarantineFilter &filter, const Group &group);
    Result<QList<QuarantinedRow>> rowsOf(const Group &group, const std::vector<KeyRef> &keys,
                                         size_t from, size_t to);

    TargetSession &m_session;
    bool m_ready = false;
};

} // namespace cutover
