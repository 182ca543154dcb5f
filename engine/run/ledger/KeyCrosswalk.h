#pragma once

#include "core/Result.h"
#include "dialect/ConnectionSpec.h"
#include "run/target/TargetSession.h"
#include "transform/KeyRecorder.h"

#include <QList>
#include <QMutex>
#include <optional>
#include <utility>

namespace cutover {

// The old-key to new-key crosswalk as a real table, cutover_key_crosswalk(namespace, source_key,
// target_key) with primary key (namespace, source_key), in the target database (SQLite,
// PostgreSQL or MySQL/MariaDB), written through the run's TargetSession, reused by
// reconciliation and rollback.
//
// record() (from uuid5, on the transform thread) only buffers, as UTF-8 ready to bind; flush()
// (by the run, once per batch, on the thread that owns the connection) writes the buffer inside
// whatever transaction the caller has open, so the crosswalk commits with the batch's rows.
// Writing is idempotent: a pair already in the table is left as it is, so a pair recorded twice,
// a re-run or a resumed run adds nothing twice. The writer is a run's bottleneck, and building a
// map and QVariant rows of the pairs there had cost half of its time in the crosswalk.
// On MySQL the key columns are VARBINARY so that case and trailing spaces are never folded.
class KeyCrosswalk : public KeyRecorder
{
public:
    static QString tableName();

    // Writes and reads through session (which must outlive the crosswalk), in its dialect.
    explicit KeyCrosswalk(TargetSession &session);
    // Writes through another session from now on (the run reconnected); buffered pairs stay.
    void rebind(TargetSession &session);

    // Creates the table if it is missing; flush() and targetKey() call it when needed.
    Result<void> ensureTable();
    void record(const QString &keyNamespace, const QString &sourceKey,
                const QString &targetKey) override;
    // Pairs recorded and not yet written (a pair recorded twice counts twice).
    qsizetype pending() const;
    // Writes the buffered pairs; on failure they stay buffered for the next attempt.
    Result<void> flush();
    // The new key of sourceKey in keyNamespace (also for pairs not yet flushed); nullopt when
    // the crosswalk has none.
    Result<std::optional<QString>> targetKey(const QString &keyNamespace, const QString &sourceKey);

private:
    static constexpr int kColumns = 3; // namespace, source key, target key
    QStringList columns() const;
    Result<void> write(const QList<QByteArray> &cells);
    QList<QVariantList> distinctRows(const QList<QByteArray> &cells) const;
    QString quoted(const QString &name) const;
    QString createSql() const;
    QVariant keyValue(const QString &text) const;
    Error sqlError(const QString &what, const QString &message) const;

    TargetSession *m_session;
    ConnectionSpec::Kind m_kind;
    bool m_ready = false;
    mutable QMutex m_mutex;
    QList<QByteArray> m_cells;   // UTF-8, kColumns a pair
    QList<QByteArray> m_written; // the cells flush() wrote, for record() to free
    QString m_lastNamespace;     // and its UTF-8, shared by the cells of its pairs
    QByteArray m_lastNamespaceUtf8;
};

} // namespace cutover
