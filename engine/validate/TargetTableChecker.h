#pragma once

#include "dialect/ConnectionSpec.h"
#include "project/Project.h"
#include "schema/DatabaseSchema.h"
#include "validate/Problem.h"

#include <QList>

namespace cutover {

// Checks the project's targetTables before a run creates them: names the target cannot hold
// (PostgreSQL's 63 bytes, MySQL's 64 characters), foreign keys to tables or columns that will not
// exist, CHECK constraints and index expressions or conditions that name (quoted) a column the
// table does not have, partial indexes on MySQL (which has none) and expression indexes there
// (MariaDB has none), and says which tables the run will create and which already exist.
class TargetTableChecker
{
public:
    // target: as it is; planned: with the tables the run creates (PlannedTarget::of).
    TargetTableChecker(const Project &project, const DatabaseSchema &target,
                       const DatabaseSchema &planned, ConnectionSpec::Kind kind);
    QList<Problem> check() const;

private:
    void checkTable(qsizetype index, const TableInfo &table, QList<Problem> &problems) const;
    void checkName(const QString &name, const QString &what, const QString &path,
                   const TableInfo &table, QList<Problem> &problems) const;
    void checkIndex(const QString &path, const TableInfo &table, const IndexInfo &index,
                    QList<Problem> &problems) const;
    void checkExpression(const QString &expression, const QString &what, const QString &path,
                         const TableInfo &table, QList<Problem> &problems) const;
    void checkForeignKey(const QString &path, const TableInfo &table, const ForeignKeyInfo &key,
                         QList<Problem> &problems) const;

    const Project &m_project;
    const DatabaseSchema &m_target;
    const DatabaseSchema &m_planned;
    ConnectionSpec::Kind m_kind;
};

} // namespace cutover
