#include "connect/introspect/IntrospectorFactory.h"

#include "connect/csv/CsvIntrospector.h"
#include "connect/introspect/MySqlIntrospector.h"
#include "connect/introspect/PostgresIntrospector.h"
#include "connect/introspect/SqliteIntrospector.h"

namespace cutover {

namespace {

// Placeholder until each server kind has its introspector: reports clearly instead of crashing.
class UnsupportedIntrospector : public Introspector
{
public:
    explicit UnsupportedIntrospector(ConnectionSpec spec)
        : m_spec(std::move(spec))
    {}
    Result<DatabaseSchema> introspect() override
    {
        return Error(Error::Code::Connection,
                     QStringLiteral("%1 introspection is not available in this build")
                         .arg(m_spec.kindName()),
                     m_spec.displayName());
    }

private:
    ConnectionSpec m_spec;
};

} // namespace

std::unique_ptr<Introspector> IntrospectorFactory::create(const ConnectionSpec &spec,
                                                          const PasswordProvider *passwords)
{
    switch (spec.kind()) {
    case ConnectionSpec::Kind::Sqlite:
        return std::make_unique<SqliteIntrospector>(spec);
    case ConnectionSpec::Kind::PostgreSql:
        return std::make_unique<PostgresIntrospector>(spec, passwords);
    case ConnectionSpec::Kind::MySql:
        return std::make_unique<MySqlIntrospector>(spec, passwords);
    case ConnectionSpec::Kind::Csv:
        return std::make_unique<CsvIntrospector>(spec);
    default:
        return std::make_unique<UnsupportedIntrospector>(spec);
    }
}

} // namespace cutover
