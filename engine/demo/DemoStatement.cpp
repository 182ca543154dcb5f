#include "demo/DemoStatement.h"

#include <sqlite3.h>

namespace cutover {

DemoStatement::DemoStatement(sqlite3 *db, sqlite3_stmt *statement)
    : m_db(db)
    , m_statement(statement)
{}

DemoStatement::~DemoStatement()
{
    sqlite3_finalize(m_statement);
}

DemoStatement &DemoStatement::text(std::string_view value)
{
    sqlite3_bind_text(m_statement, ++m_index, value.data(), static_cast<int>(value.size()),
                      SQLITE_STATIC);
    return *this;
}

DemoStatement &DemoStatement::integer(std::int64_t value)
{
    sqlite3_bind_int64(m_statement, ++m_index, value);
    return *this;
}

DemoStatement &DemoStatement::real(double value)
{
    sqlite3_bind_double(m_statement, ++m_index, value);
    return *this;
}

DemoStatement &DemoStatement::null()
{
    sqlite3_bind_null(m_statement, ++m_index);
    return *this;
}

DemoStatement &DemoStatement::optionalText(bool present, std::string_view value)
{
    return present ? text(value) : null();
}

Result<void> DemoStatement::run()
{
    m_index = 0;
    const int rc = sqlite3_step(m_statement);
    sqlite3_reset(m_statement);
    if (rc != SQLITE_DONE)
        return Error(Error::Code::Io, QString::fromUtf8(sqlite3_errmsg(m_db)),
                     QString::fromUtf8(sqlite3_sql(m_statement)));
    return {};
}

} // namespace cutover
