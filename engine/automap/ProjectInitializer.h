#pragma once

#include "core/Result.h"
#include "dialect/ConnectionSpec.h"
#include "dialect/IdentifierRule.h"
#include "project/Project.h"
#include "schema/DatabaseSchema.h"

#include <QStringList>
#include <optional>

namespace cutover {

// Writes a new project from two connections, for a lift and shift: one table mapping per source
// table (the columns copied as they are), in foreign-key order, and for each table the target
// lacks its definition in targetTables (types, primary key, unique constraints, indexes and
// foreign keys among the copied tables; defaults that the target's type holds; CHECK constraints,
// partial and expression indexes that SqlExpressionTranslator translates), for the run to
// create. Names follow an IdentifierRule. Everything left out or changed on the way is said in
// notices, one sentence each. Used by `cutover-cli init` and `copy`, and the window's wizard.
class ProjectInitializer
{
public:
    struct Options
    {
        QString projectName;
        QString sourceUrl; // as the project file will hold them
        QString targetUrl;
        QStringList include; // wildcard patterns of source table names (all when empty)
        QStringList exclude;
        QStringList only; // exact source table names (all when empty), before the patterns
        IdentifierRule::Case names = IdentifierRule::Case::Keep;
        // The source's dialect, for its CHECK constraints and index expressions, and a target of
        // the same one gets the source's own column types; when unset, the dialect of sourceUrl.
        std::optional<ConnectionSpec::Kind> sourceKind;
        TableMapping::Mode mode = TableMapping::Mode::Insert;
    };
    struct Outcome
    {
        Project project;
        QStringList notices;
    };

    ProjectInitializer(const DatabaseSchema &source, const DatabaseSchema &target,
                       ConnectionSpec::Kind targetKind, Options options);
    Result<Outcome> build();

    // The case rule a target gets unless told otherwise: lower case on PostgreSQL (as pgloader),
    // the source's spelling elsewhere.
    static IdentifierRule::Case defaultCase(ConnectionSpec::Kind targetKind);

private:
    Result<QList<TableInfo>> chosenTables();
    bool isChosen(const QString &table) const;
    Result<void> checkDistinct(const QStringList &sourceNames, const QString &what,
                               const QString &where) const;
    static QString copyExpression(const ColumnInfo &source, const ColumnInfo &target);
    TableMapping mappingOnto(const TableInfo &source, const TableInfo &target);
    TableInfo definitionFor(const TableInfo &source, const QSet<QString> &chosen);
    ColumnInfo targetColumn(const QString &table, const ColumnInfo &source);
    QString nativeType(const ColumnInfo &source) const;
    QList<CheckInfo> enumChecks(const TableInfo &source, const QString &targetName);
    QList<IndexInfo> targetIndexes(const TableInfo &source, const QString &targetName);
    bool translateIndex(const TableInfo &source, IndexInfo &index);
    QList<CheckInfo> targetChecks(const TableInfo &source);
    std::optional<QString> translated(const TableInfo &source, const QString &expression,
                                      const QString &what);
    std::optional<ConnectionSpec::Kind> sourceKind() const;
    QList<ForeignKeyInfo> targetForeignKeys(const TableInfo &source, const QString &targetName,
                                            const QSet<QString> &chosen);
    QString name(const QString &sourceName) const { return m_rule.apply(sourceName); }

    const DatabaseSchema &m_source;
    const DatabaseSchema &m_target;
    ConnectionSpec::Kind m_targetKind;
    Options m_options;
    IdentifierRule m_rule;
    QStringList m_notices;
};

} // namespace cutover
