#include "audit/AuditTrail.h"

#include "audit/AuditIdentity.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLockFile>
#include <QSaveFile>

#include <unistd.h>

namespace cutover {

namespace {

constexpr int kLockWaitMs = 10000;

Error ioError(const QString &what, const QString &path, const QString &why)
{
    return Error(Error::Code::Io, QStringLiteral("%1: %2").arg(what, why), path);
}

// The last non-empty line of the file, read backwards from its end.
QByteArray lastLine(QFile &file)
{
    const qint64 size = file.size();
    qint64 chunk = 4096;
    while (true) {
        const qint64 from = qMax<qint64>(0, size - chunk);
        file.seek(from);
        const QByteArray tail = file.read(size - from).trimmed();
        const qsizetype newline = tail.lastIndexOf('\n');
        if (newline >= 0 || from == 0)
            return tail.mid(newline + 1);
        chunk *= 4;
    }
}

} // namespace

AuditTrail::AuditTrail(QString trailPath)
    : m_path(std::move(trailPath))
{}

AuditTrail AuditTrail::forProject(const QString &projectPath)
{
    const QFileInfo info(projectPath);
    return AuditTrail(
        info.absoluteDir().filePath(info.completeBaseName() + QStringLiteral(".audit.jsonl")));
}

QString AuditTrail::headPath() const
{
    QString path = m_path;
    if (path.endsWith(QLatin1String(".jsonl")))
        path.chop(6);
    return path + QStringLiteral(".head");
}

std::optional<AuditTrail::Head> AuditTrail::head() const
{
    QFile file(headPath());
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    if (!o.value(QStringLiteral("seq")).isDouble() || !o.value(QStringLiteral("hash")).isString())
        return std::nullopt;
    return Head{qint64(o.value(QStringLiteral("seq")).toDouble()),
                o.value(QStringLiteral("hash")).toString()};
}

// Where the next entry chains on: the head when there is one (so a cut-off end stays visible),
// else the file's last entry, else the start.
Result<AuditTrail::Head> AuditTrail::chainEnd() const
{
    if (const auto h = head())
        return *h;
    QFile file(m_path);
    if (!file.exists())
        return Head{0, AuditEntry::genesis()};
    if (!file.open(QIODevice::ReadOnly))
        return ioError(QStringLiteral("cannot read the audit trail"), m_path, file.errorString());
    const QByteArray line = lastLine(file);
    if (line.isEmpty())
        return Head{0, AuditEntry::genesis()};
    AuditEntry last;
    QString error;
    if (!AuditEntry::parse(line, last, error))
        return Error(Error::Code::Parse,
                     QStringLiteral("the audit trail's last line is not an entry (%1); run "
                                    "'cutover-cli audit verify' to see what happened")
                         .arg(error),
                     m_path);
    return Head{last.seq, last.hash};
}

Result<void> AuditTrail::writeHead(const AuditEntry &entry) const
{
    QSaveFile file(headPath());
    if (!file.open(QIODevice::WriteOnly))
        return ioError(QStringLiteral("cannot write the audit trail's head"), headPath(),
                       file.errorString());
    const QJsonObject o{{QStringLiteral("seq"), entry.seq}, {QStringLiteral("hash"), entry.hash}};
    file.write(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
    if (!file.commit())
        return ioError(QStringLiteral("cannot write the audit trail's head"), headPath(),
                       file.errorString());
    return {};
}

Result<AuditEntry> AuditTrail::append(const QString &kind, const QString &summary,
                                      const QJsonObject &data, const QString &who)
{
    QLockFile lock(m_path + QStringLiteral(".lock"));
    if (!lock.tryLock(kLockWaitMs))
        return Error(Error::Code::Busy,
                     QStringLiteral("cannot lock the audit trail: another program has held its "
                                    "lock for over %1 s")
                         .arg(kLockWaitMs / 1000),
                     m_path);
    const auto end = chainEnd();
    if (!end)
        return end.error();
    AuditEntry entry;
    entry.seq = end->seq + 1;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.who = who.isEmpty() ? AuditIdentity::current() : who;
    entry.kind = kind;
    entry.summary = summary;
    entry.data = data;
    entry.prev = end->hash;
    entry.hash = entry.computeHash();

    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return ioError(QStringLiteral("cannot append to the audit trail"), m_path,
                       file.errorString());
    if (file.write(entry.line() + '\n') < 0 || !file.flush() || ::fsync(file.handle()) != 0)
        return ioError(QStringLiteral("cannot append to the audit trail"), m_path,
                       file.errorString());
    file.close();
    if (auto written = writeHead(entry); !written)
        return written.error();
    return entry;
}

Result<QList<AuditEntry>> AuditTrail::entries() const
{
    QFile file(m_path);
    if (!file.exists())
        return QList<AuditEntry>{};
    if (!file.open(QIODevice::ReadOnly))
        return ioError(QStringLiteral("cannot read the audit trail"), m_path, file.errorString());
    QList<AuditEntry> result;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        AuditEntry entry;
        QString error;
        if (!line.isEmpty() && AuditEntry::parse(line, entry, error))
            result.append(entry);
    }
    return result;
}

} // namespace cutover
