#include "run/target/TargetSessionFactory.h"

#include "run/target/MySqlTargetSession.h"
#include "run/target/PostgresTargetSession.h"
#include "run/target/SqliteTargetSession.h"

namespace cutover {

namespace {

template <typename Session>
Result<std::unique_ptr<TargetSession>> widen(Result<std::unique_ptr<Session>> opened)
{
    if (!opened)
        return opened.error();
    return std::unique_ptr<TargetSession>(std::move(opened).value());
}

} // namespace

Result<std::unique_ptr<TargetSession>> TargetSessionFactory::open(const ConnectionSpec &spec,
                                                                  const PasswordProvider *passwords)
{
    switch (spec.kind()) {
    case ConnectionSpec::Kind::Sqlite:
        return widen(SqliteTargetSession::open(spec));
    case ConnectionSpec::Kind::PostgreSql:
        return widen(PostgresTargetSession::open(spec, passwords));
    case ConnectionSpec::Kind::MySql:
        return widen(MySqlTargetSession::open(spec, passwords));
    case ConnectionSpec::Kind::Csv:
        break;
    }
    return Error(Error::Code::Usage,
                 QStringLiteral("a %1 connection cannot be a target").arg(spec.kindName()),
                 spec.displayName(), QStringLiteral("choose a SQLite, PostgreSQL or MySQL target"));
}

} // namespace cutover
