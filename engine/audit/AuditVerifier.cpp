#include "audit/AuditVerifier.h"

#include <QFile>

namespace cutover {

namespace {

using Verdict = AuditVerifier::Verdict;

Verdict broken(Verdict v, qint64 entry, qint64 line, const QString &reason)
{
    v.intact = false;
    v.firstBad = entry;
    v.line = line;
    v.reason = reason;
    return v;
}

// The verdict of one line, or nullopt when it chains on correctly (then v moves on).
std::optional<Verdict> checkLine(Verdict &v, const QByteArray &text, qint64 lineNumber,
                                 QString &expectedPrev)
{
    const qint64 expected = v.entries + 1;
    AuditEntry entry;
    QString error;
    QString contentHash;
    if (!AuditEntry::parse(text, entry, error, &contentHash))
        return broken(v, expected, lineNumber,
                      QStringLiteral("line %1 is not an audit entry: %2 (cut short or edited)")
                          .arg(lineNumber)
                          .arg(error));
    if (entry.seq > expected)
        return broken(v, expected, lineNumber,
                      QStringLiteral("entry %1 is missing: line %2 holds entry %3 (entries were "
                                     "removed or moved)")
                          .arg(expected)
                          .arg(lineNumber)
                          .arg(entry.seq));
    if (entry.seq < expected)
        return broken(v, expected, lineNumber,
                      QStringLiteral("line %1 holds entry %2 where entry %3 belongs (entries "
                                     "were moved or copied)")
                          .arg(lineNumber)
                          .arg(entry.seq)
                          .arg(expected));
    if (contentHash != entry.hash)
        return broken(v, entry.seq, lineNumber,
                      QStringLiteral("entry %1 was changed: what it holds no longer matches its "
                                     "hash")
                          .arg(entry.seq));
    if (entry.prev != expectedPrev)
        return broken(v, entry.seq - 1, lineNumber - 1,
                      QStringLiteral("entry %1 was changed: entry %2 recorded another hash for "
                                     "it")
                          .arg(entry.seq - 1)
                          .arg(entry.seq));
    v.entries = entry.seq;
    v.headHash = entry.hash;
    expectedPrev = entry.hash;
    return std::nullopt;
}

Verdict checkHead(Verdict v, const AuditTrail &trail)
{
    const auto head = trail.head();
    if (!head) {
        if (v.entries > 0)
            return broken(v, v.entries, 0,
                          QStringLiteral("the head file %1 is missing or unreadable, so entries "
                                         "cut off the end would not show")
                              .arg(trail.headPath()));
        return v;
    }
    if (head->seq > v.entries)
        return broken(v, v.entries + 1, 0,
                      QStringLiteral("entries %1 to %2 are missing: the trail was cut after "
                                     "entry %3")
                          .arg(v.entries + 1)
                          .arg(head->seq)
                          .arg(v.entries));
    if (head->seq == v.entries && head->hash != v.headHash)
        return broken(v, v.entries, 0,
                      QStringLiteral("entry %1 was changed or replaced: the head recorded "
                                     "another hash for it")
                          .arg(v.entries));
    if (head->seq < v.entries)
        v.note = QStringLiteral("entries after %1 were appended without updating the head (an "
                                "append that did not finish)")
                     .arg(head->seq);
    return v;
}

} // namespace

Verdict AuditVerifier::verify(const AuditTrail &trail)
{
    Verdict v;
    QFile file(trail.path());
    if (!file.exists())
        return checkHead(v, trail);
    if (!file.open(QIODevice::ReadOnly))
        return broken(v, 1, 0,
                      QStringLiteral("cannot read %1: %2").arg(trail.path(), file.errorString()));
    QString expectedPrev = AuditEntry::genesis();
    qint64 lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray text = file.readLine();
        ++lineNumber;
        if (text.trimmed().isEmpty() && file.atEnd())
            break;
        if (auto verdict = checkLine(v, text.trimmed(), lineNumber, expectedPrev))
            return *verdict;
    }
    return checkHead(v, trail);
}

} // namespace cutover
