#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace cutover {

// One line of the audit trail: who did what, when, and the SHA-256 of the entry before it, so
// that an entry changed, removed or moved breaks the chain where it happened.
struct AuditEntry
{
    qint64 seq = 0;   // 1 for the first entry, then one more each line
    QDateTime time;   // UTC, milliseconds
    QString who;      // the OS user, or the name set in the settings
    QString kind;     // "run", "rollback", "reconcile", "project.save", "runbook.step", ...
    QString summary;  // one line for people: "run 1a2b3c4d succeeded: 1,204 rows"
    QJsonObject data; // the facts, for programs
    QString prev;     // hash of the entry before; 64 zeros for the first
    QString hash;     // SHA-256 (hex) of this entry without its hash

    static QString genesis(); // the prev of the first entry

    // The entry as one compact JSON line, hash included, without the newline.
    QByteArray line() const;
    // What hash is computed over: the compact JSON without "hash".
    QByteArray hashedBytes() const;
    QString computeHash() const;
    // Reads a line; false when it is not an entry (error says why). contentHash, when given, is
    // set to the hash of what the line holds (all but "hash", as written), for verification.
    static bool parse(const QByteArray &line, AuditEntry &entry, QString &error,
                      QString *contentHash = nullptr);

    QJsonObject toJson() const;
};

} // namespace cutover
