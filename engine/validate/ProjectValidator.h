#pragma once

#include "project/Project.h"
#include "schema/DatabaseSchema.h"
#include "validate/Problem.h"

#include <QHash>
#include <QList>

namespace cutover {

class ExpressionChecker;

// Checks a project against the live source and target schemas: unknown tables and columns,
// expressions that do not compile, target NOT NULL columns that nothing fills, types that cannot
// convert, two mappings for one target column, rules and phases naming what does not exist,
// encodings that are unknown, do not apply, or disagree about one source column.
// Pure: no connections, so it is cheap to run after every edit.
class ProjectValidator
{
public:
    // Why a phase with a filter may not run a truncate-and-load table (validate and run say it).
    static QString truncateInPhase(const QString &table, const QString &phase);
    ProjectValidator(const Project &project, const DatabaseSchema &source,
                     const DatabaseSchema &target);
    QList<Problem> validate();
    // After validate(): the source columns each expression that compiled reads, by
    // "target table.target column" (the engine's lineage, from the SQLite authorizer).
    const QHash<QString, QStringList> &lineage() const { return m_lineage; }

private:
    void checkMapping(int index, const TableMapping &mapping);
    void checkColumns(int index, const TableMapping &mapping, const TableInfo *source,
                      const TableInfo &target);
    void checkDefault(const QString &path, const TableMapping &mapping,
                      const ColumnMapping &column);
    void checkConnectionEncodings();
    void checkEncoding(const QString &path, const TableMapping &mapping,
                       const ColumnMapping &column);
    void checkExpression(const ExpressionChecker &checker, const QString &path,
                         const TableMapping &mapping, const ColumnMapping &column,
                         const TableInfo *source, const ColumnInfo *targetColumn);
    void checkTimestampText(const QString &path, const TableMapping &mapping,
                            const ColumnMapping &column, const ColumnInfo *targetColumn);
    void checkConversion(const QString &path, const TableMapping &mapping,
                         const ColumnMapping &column, const ColumnInfo &from, const ColumnInfo &to);
    void checkRequiredColumns(int index, const TableMapping &mapping, const TableInfo &target);
    void checkLookups(const QString &path, const TableMapping &mapping,
                      const ColumnMapping &column);
    void checkRules();
    void checkPhases();
    void checkUnmappedTables();
    void checkTargetTables();
    void add(Problem::Severity severity, const QString &code, const QString &path,
             const QString &location, const QString &message, const QString &table = {},
             const QString &column = {}, int offset = -1);

    const Project &m_project;
    const DatabaseSchema &m_source;
    const DatabaseSchema &m_liveTarget;
    DatabaseSchema m_target; // as the run will find it: with the targetTables it creates
    QList<Problem> m_problems;
    QHash<QString, QStringList> m_lineage;
};

} // namespace cutover
