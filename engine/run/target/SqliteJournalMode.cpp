#include "run/target/SqliteJournalMode.h"

namespace cutover {

namespace {

Result<QString> journalMode(TargetSession &session, const QString &sql)
{
    auto rows = session.query(sql);
    if (!rows)
        return rows.error();
    if (rows->isEmpty() || rows->first().isEmpty())
        return Error(Error::Code::Io, QStringLiteral("%1 returned nothing").arg(sql),
                     session.spec().path());
    return rows->first().first().toString().toLower();
}

} // namespace

Result<QString> SqliteJournalMode::switchToWal(TargetSession &session)
{
    auto before = journalMode(session, QStringLiteral("PRAGMA journal_mode"));
    if (!before || *before == QLatin1String("wal"))
        return before;
    auto now = journalMode(session, QStringLiteral("PRAGMA journal_mode = WAL"));
    if (!now)
        return now.error();
    if (*now != QLatin1String("wal"))
        return Error(Error::Code::Io,
                     QStringLiteral("cannot switch the target to write-ahead logging (it stays "
                                    "in %1 mode)")
                         .arg(*now),
                     session.spec().path());
    return before;
}

Result<void> SqliteJournalMode::restore(TargetSession &session, const QString &mode)
{
    if (mode.isEmpty() || mode == QLatin1String("wal"))
        return {};
    // Modes are a closed set of words; anything else is not spliced into SQL.
    static const QStringList known = {QStringLiteral("delete"), QStringLiteral("truncate"),
                                      QStringLiteral("persist"), QStringLiteral("memory"),
                                      QStringLiteral("off")};
    if (!known.contains(mode))
        return Error(Error::Code::Internal, QStringLiteral("unknown journal mode %1").arg(mode));
    auto now = journalMode(session, QStringLiteral("PRAGMA journal_mode = %1").arg(mode));
    if (!now)
        return now.error();
    if (*now != mode)
        return Error(Error::Code::Io,
                     QStringLiteral("cannot put the target's journal mode back to %1: another "
                                    "connection has the file open; it stays in %2 mode")
                         .arg(mode, *now),
                     session.spec().path());
    return {};
}

} // namespace cutover
