#pragma once

#include "ConnectionSpec.h"
#include "KeyRecorder.h"
#include "Result.h"
#include "TargetSession.h"

#include <QMap>
#include <QMutex>
#include <optional>
#include <utility>

namespace cutover {

// The old-key to new-key crosswalk as a real table, cutover_key_crosswalk(namespace, source_key,
// target_key) with primary key (namespace, source_key), in the target database (SQLite,
// PostgreSQL or MySQL/MariaDB), written through the run's TargetSession, reused by
// reconciliation and rollback.
//
// record() (from uuid5, on the transform thread) only buffers; flush() (by the run, once per
// batch, on the thread that owns the connection) writes the buffer inside whatever transaction
// the caller has open, so the crosswalk commits with the batch's rows. Writing is idempotent:
// a pair already in the table is left as it is, so a re-run or a resumed run adds nothing twice.
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
    // Pairs recorded and not yet written.
    qsizetype pending() const;
    // Writes the buffered pairs; on failure they stay buffered for the next attempt.
    Result<void> flush();
    // The new key of sourceKey in keyNamespace (also for pairs not yet flushed); nullopt when
    // the crosswalk has none.
    Result<std::optional<QString>> targetKey(const QString &keyNamespace, const QString &sourceKey);

private:
    using Key = std::pair<QString, QString>; // namespace, source key
    QString quoted(const QString &name) const;
    QString createSql() const;
    QVariant keyValue(const QString &text) const;
    Error sqlError(const QString &what, const QString &message) const;

    TargetSession *m_session;
    ConnectionSpec::Kind m_kind;
    bool m_ready = false;
    mutable QMutex m_mutex;
    QMap<Key, QString> m_buffer;
};

} // namespace cutover
