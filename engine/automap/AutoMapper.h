#pragma once

#include "automap/ExpressionProposer.h"
#include "automap/NameMatcher.h"
#include "automap/SampleProfile.h"
#include "project/LookupMap.h"
#include "project/TableMapping.h"
#include "schema/DatabaseSchema.h"

#include <QList>
#include <QString>

#include <map>
#include <optional>

namespace cutover {

class SampleProvider;

// Suggests table mappings (source table -> target table) and column mappings (target column <-
// source column, with a proposed transform expression), each with a confidence (0..1) and a
// reason a person can check. Signals: normalized names (NameMatcher), synonyms (SynonymTable),
// type compatibility (TypeCompatibility) and, when a SampleProvider is given, the shapes of
// sample values (SampleProfile). Each target gets at most one suggestion, and a source column
// feeds two target columns only when nothing better exists. Accepting a suggestion writes an
// ordinary TableMapping / ColumnMapping (apply, toTableMapping). Blocking when samples are read.
class AutoMapper
{
public:
    struct Options
    {
        int sampleSize = 200;
        QString timeZone = QStringLiteral("UTC"); // of local timestamps in the source
        QList<LookupMap> lookups;                 // the project's, for code columns
        double minimumConfidence = 0.3;           // weaker candidates are not suggested
        // Apply the cleanings (trim, case, blank to NULL, ...) that change values the target
        // could hold as they are; otherwise they are only offered (cleanExpression).
        bool clean = false;
    };

    struct TableSuggestion
    {
        QString target;
        QString source;
        double confidence = 0;
        QString reason;
    };

    struct ColumnSuggestion
    {
        QString target;
        QString source;
        QString expression;
        double confidence = 0;
        QString reason;
        // A cleaning offered apart: it changes data (see Options::clean).
        QString cleanExpression;
        QString cleanReason;
    };

    struct MappingSuggestion
    {
        TableSuggestion table;
        QString sourceKey;      // the source table's primary key, comma separated
        bool remapKeys = false; // the key is remapped with uuid5
        QList<ColumnSuggestion> columns;
        QStringList unmatched; // target columns without a suggestion
    };

    // The schemas and samples (which may be null) must outlive the mapper.
    AutoMapper(const DatabaseSchema &source, const DatabaseSchema &target, SampleProvider *samples,
               Options options);
    AutoMapper(const DatabaseSchema &source, const DatabaseSchema &target,
               SampleProvider *samples = nullptr);

    // The best source table for each target table (all target tables when targets is empty).
    QList<TableSuggestion> suggestTables(const QStringList &targets = {}) const;
    QList<ColumnSuggestion> suggestColumns(const QString &sourceTable,
                                           const QString &targetTable) const;
    MappingSuggestion suggestMapping(const TableSuggestion &table) const;
    // Tables, then columns for each table found.
    QList<MappingSuggestion> suggest(const QStringList &targets = {}) const;

    // Accepting: sets (or replaces) the target column's mapping, noting where it came from.
    static void apply(const ColumnSuggestion &suggestion, TableMapping &mapping);
    // A plain table mapping with the column suggestions of at least minConfidence.
    static TableMapping toTableMapping(const MappingSuggestion &suggestion,
                                       double minConfidence = 0);

private:
    struct Candidate
    {
        qsizetype target = 0;
        qsizetype source = 0;
        double score = 0;
        QStringList reasons;
        QString expression;
        QString how; // what the expression does
        QString cleanExpression;
        QString cleanReason;
    };
    using Role = ExpressionProposer::Role;

    TableSuggestion scoreTables(const TableInfo &source, const TableInfo &target) const;
    QList<Candidate> candidates(const TableInfo &source, const TableInfo &target) const;
    Candidate score(const TableInfo &source, qsizetype s, const TableInfo &target,
                    qsizetype t) const;
    double keyScore(Role role, const TableInfo &source, const ColumnInfo &column) const;
    void weighTypes(Candidate &c, const ColumnInfo &from, const ColumnInfo &to,
                    bool converts) const;
    void weighSamples(Candidate &c, Role role, const SampleProfile *samples) const;
    QList<Candidate> assign(QList<Candidate> all, const TableInfo &source,
                            const TableInfo &target) const;
    void addShapeFallbacks(QList<Candidate> &chosen, const TableInfo &source,
                           const TableInfo &target) const;
    ColumnSuggestion finish(const Candidate &c, const TableInfo &source,
                            const TableInfo &target) const;
    QStringList contextWords(const TableInfo &table) const;
    const SampleProfile *profile(const TableInfo &table, const ColumnInfo &column) const;

    const DatabaseSchema &m_source;
    const DatabaseSchema &m_target;
    SampleProvider *m_samples;
    Options m_options;
    NameMatcher m_names;
    ExpressionProposer m_proposer;
    mutable std::map<QString, std::optional<SampleProfile>> m_profiles; // node-based: stable
};

} // namespace cutover
