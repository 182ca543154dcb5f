#include "run/target/DryRunDeferral.h"

#include "dialect/SqlDialect.h"
#include "run/target/TargetSession.h"

namespace cutover {

DryRunDeferral::DryRunDeferral(QString table)
    : m_table(std::move(table))
{}

Result<void> DryRunDeferral::apply(TargetSession &session, const Notice &notice)
{
    if (!m_alterable)
        if (auto found = findImmediateKeys(session, notice); !found)
            return found;
    const auto kind = session.kind();
    for (const QString &key : std::as_const(*m_alterable))
        if (auto altered = session.execute(
                QStringLiteral("ALTER TABLE %1 ALTER CONSTRAINT %2 DEFERRABLE INITIALLY DEFERRED")
                    .arg(SqlDialect::quoteIdentifier(m_table, kind),
                         SqlDialect::quoteIdentifier(key, kind)));
            !altered)
            return altered;
    return session.execute(QStringLiteral("SET CONSTRAINTS ALL DEFERRED"));
}

Result<void> DryRunDeferral::findImmediateKeys(TargetSession &session, const Notice &notice)
{
    auto keys = session.query(
        QStringLiteral("SELECT c.conname, pg_has_role(t.relowner, 'USAGE') FROM pg_constraint c "
                       "JOIN pg_class t ON t.oid = c.conrelid WHERE c.contype = 'f' AND NOT "
                       "c.condeferrable AND c.conrelid = to_regclass(?) ORDER BY c.conname"),
        {SqlDialect::quoteIdentifier(m_table, session.kind())});
    if (!keys)
        return keys.error();
    m_alterable = QStringList();
    QStringList foreign;
    for (const QVariantList &key : std::as_const(*keys))
        (key.value(1).toBool() ? *m_alterable : foreign).append(key.value(0).toString());
    if (!foreign.isEmpty() && notice)
        notice(QStringLiteral("%1: the dry run cannot put off the foreign key check of %2 (the "
                              "run's role does not own the table): rows whose parents only the "
                              "dry run wrote will be quarantined as the target refuses them")
                   .arg(m_table, foreign.join(QStringLiteral(", "))));
    return {};
}

} // namespace cutover
