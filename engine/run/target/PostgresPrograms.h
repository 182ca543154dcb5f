#pragma once

#include <QString>
#include <QStringList>

namespace cutover {

// Where PostgreSQL's programs are: Debian keeps each major version's in /usr/lib/postgresql/N/bin,
// outside PATH.
class PostgresPrograms
{
public:
    // The newest /usr/lib/postgresql/*/bin holding every one of programs, else the folder of the
    // first of them on PATH; empty when there is none.
    static QString binDir(const QStringList &programs);
};

} // namespace cutover
