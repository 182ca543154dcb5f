#pragma once

#include "audit/AuditEntry.h"
#include "core/Result.h"

#include <QList>
#include <QString>

namespace cutover {

// The project's audit trail: JSON lines in "<project>.audit.jsonl" beside the project file, each
// entry carrying the hash of the one before (AuditEntry). Appends take a lock file, so the window
// and cutover-cli can append at the same time without losing an entry. "<project>.audit.head"
// keeps the newest entry's number and hash: entries cut off the end show as missing, and the next
// append chains to the head, not to a shortened file, so a cut cannot be covered over.
class AuditTrail
{
public:
    explicit AuditTrail(QString trailPath);
    // The trail of the project file at projectPath.
    static AuditTrail forProject(const QString &projectPath);

    const QString &path() const { return m_path; }
    QString headPath() const;

    // Appends an entry by AuditIdentity::current() (or by who, when given) and returns it.
    Result<AuditEntry> append(const QString &kind, const QString &summary,
                              const QJsonObject &data = {}, const QString &who = {});
    // Every entry that reads as one, in file order, without checking the chain (AuditVerifier
    // does that); an unreadable line is skipped. No file: no entries.
    Result<QList<AuditEntry>> entries() const;

    struct Head
    {
        qint64 seq = 0;
        QString hash;
    };
    // The head file's record; nullopt when there is none or it does not read.
    std::optional<Head> head() const;

private:
    Result<Head> chainEnd() const;
    Result<void> writeHead(const AuditEntry &entry) const;

    QString m_path;
};

} // namespace cutover
