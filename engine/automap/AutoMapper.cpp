#include "automap/AutoMapper.h"

#include "automap/SampleProvider.h"
#include "schema/TypeCompatibility.h"
#include "transform/ExpressionChecker.h"

#include <algorithm>
#include <cmath>

namespace cutover {

namespace {

using Shape = SampleProfile::Shape;
using Role = ExpressionProposer::Role;

constexpr double kCandidateFloor = 0.25;
constexpr double kReusePenalty = 0.85;

double rounded(double value)
{
    return std::round(std::clamp(value, 0.0, 1.0) * 100.0) / 100.0;
}

QList<Shape> expectedShapes(Role role)
{
    switch (role) {
    case Role::Date:
        return {Shape::Date, Shape::Timestamp};
    case Role::Timestamp:
        return {Shape::Timestamp};
    case Role::Email:
        return {Shape::Email};
    case Role::Boolean:
        return {Shape::Flag};
    case Role::Cents:
        return {Shape::Decimal, Shape::Money, Shape::Integer};
    case Role::Key:
    case Role::ForeignKey:
    case Role::LegacyKey:
        return {Shape::Integer, Shape::Uuid};
    default:
        return {};
    }
}

QString shapeText(Shape shape, const SampleProfile &samples)
{
    if (shape == Shape::Date && samples.dateFormats().size() > 1)
        return QStringLiteral("dates in %1 formats").arg(samples.dateFormats().size());
    if (shape == Shape::Timestamp && samples.timestampFormats().size() > 1)
        return QStringLiteral("timestamps in %1 formats").arg(samples.timestampFormats().size());
    return SampleProfile::shapeName(shape);
}

bool fitsShape(const SampleProfile *samples, const ColumnInfo &column, Role role)
{
    if (samples && samples->count() > 0) {
        for (Shape shape : expectedShapes(role))
            if (samples->looksLike(shape))
                return true;
        return false;
    }
    if (role == Role::Date || role == Role::Timestamp)
        return column.type.isTemporal();
    return role == Role::Boolean && column.type.kind() == NormalizedType::Kind::Boolean;
}

const TableInfo *findTable(const DatabaseSchema &schema, const QString &name)
{
    const TableInfo *table = schema.table(name);
    return table ? table : schema.tableIgnoringCase(name);
}

} // namespace

AutoMapper::AutoMapper(const DatabaseSchema &source, const DatabaseSchema &target,
                       SampleProvider *samples, Options options)
    : m_source(source)
    , m_target(target)
    , m_samples(samples)
    , m_options(std::move(options))
    , m_proposer(m_options.lookups, m_options.timeZone)
{}

AutoMapper::AutoMapper(const DatabaseSchema &source, const DatabaseSchema &target,
                       SampleProvider *samples)
    : AutoMapper(source, target, samples, Options())
{}

QStringList AutoMapper::contextWords(const TableInfo &table) const
{
    QStringList words = NameMatcher::normalized(table.name).split(QLatin1Char('_'));
    QStringList columns;
    for (const ColumnInfo &c : table.columns)
        columns << c.name;
    if (const QString prefix = NameMatcher::commonPrefix(columns); !prefix.isEmpty())
        words << prefix;
    return words;
}

const SampleProfile *AutoMapper::profile(const TableInfo &table, const ColumnInfo &column) const
{
    if (!m_samples)
        return nullptr;
    const QString key = table.name + QChar(0) + column.name;
    auto it = m_profiles.find(key);
    if (it == m_profiles.end()) {
        auto values = m_samples->values(table.name, column.name, m_options.sampleSize);
        std::optional<SampleProfile> profile;
        if (values)
            profile = SampleProfile::of(*values);
        it = m_profiles.emplace(key, std::move(profile)).first;
    }
    return it->second ? &*it->second : nullptr;
}

// ---- tables

AutoMapper::TableSuggestion AutoMapper::scoreTables(const TableInfo &source,
                                                    const TableInfo &target) const
{
    const NameMatcher::Match name = m_names.compareTables(source.name, target.name);
    const QStringList sourceWords = contextWords(source);
    const QStringList targetWords = contextWords(target);
    int matched = 0;
    for (const ColumnInfo &t : target.columns) {
        double best = 0;
        for (const ColumnInfo &s : source.columns)
            best = std::max(best,
                            m_names.compareColumns(s.name, sourceWords, t.name, targetWords).score);
        matched += best >= 0.6;
    }
    const double overlap = target.columns.isEmpty() ? 0 : double(matched) / target.columns.size();
    TableSuggestion s{target.name, source.name, 0, {}};
    s.confidence = name.score > 0 ? 0.75 * name.score + 0.25 * overlap
                                  : (overlap >= 0.5 ? 0.6 * overlap : 0.0);
    const QString columns = QStringLiteral("%1 of %2 target columns match a source column by name")
                                .arg(matched)
                                .arg(target.columns.size());
    s.reason = name.score > 0 ? name.reason + QStringLiteral("; ") + columns
                              : QStringLiteral("no name match; ") + columns;
    s.confidence = rounded(s.confidence);
    return s;
}

QList<AutoMapper::TableSuggestion> AutoMapper::suggestTables(const QStringList &targets) const
{
    QList<TableSuggestion> all;
    QList<const TableInfo *> wanted;
    for (const TableInfo &t : m_target.tables)
        if (!t.isView && (targets.isEmpty() || targets.contains(t.name, Qt::CaseInsensitive)))
            wanted << &t;
    for (const TableInfo *t : wanted)
        for (const TableInfo &s : m_source.tables)
            if (TableSuggestion ts = scoreTables(s, *t);
                ts.confidence >= m_options.minimumConfidence)
                all << ts;
    std::stable_sort(all.begin(), all.end(),
                     [](const auto &a, const auto &b) { return a.confidence > b.confidence; });
    QHash<QString, TableSuggestion> chosen;
    QSet<QString> usedSources;
    for (const TableSuggestion &ts : all)
        if (!chosen.contains(ts.target) && !usedSources.contains(ts.source))
            chosen.insert(ts.target, ts), usedSources.insert(ts.source);
    for (TableSuggestion ts : all) {
        if (chosen.contains(ts.target) ||
            ts.confidence * kReusePenalty < m_options.minimumConfidence)
            continue;
        ts.confidence = rounded(ts.confidence * kReusePenalty);
        ts.reason += QStringLiteral("; %1 also feeds another target table").arg(ts.source);
        chosen.insert(ts.target, ts);
    }
    QList<TableSuggestion> result;
    for (const TableInfo *t : wanted)
        if (chosen.contains(t->name))
            result << chosen.value(t->name);
    return result;
}

// ---- columns

double AutoMapper::keyScore(Role role, const TableInfo &source, const ColumnInfo &column) const
{
    const bool sourceKey = source.primaryKey == QStringList{column.name};
    return sourceKey && (role == Role::Key || role == Role::LegacyKey) ? 0.8 : 0.0;
}

void AutoMapper::weighTypes(Candidate &c, const ColumnInfo &from, const ColumnInfo &to,
                            bool converts) const
{
    const auto outcome = TypeCompatibility::assess(from.type, to.type);
    const QString pair = QStringLiteral("%1 -> %2").arg(from.type.toString(), to.type.toString());
    if (outcome.verdict == TypeCompatibility::Verdict::Fine) {
        c.reasons << QStringLiteral("types compatible (%1)").arg(pair);
    } else if (converts) {
        c.reasons << QStringLiteral("types %1: the expression converts").arg(pair);
    } else if (outcome.verdict == TypeCompatibility::Verdict::Risky) {
        c.score *= 0.9;
        c.reasons << QStringLiteral("types %1: %2").arg(pair, outcome.reason);
    } else {
        c.score *= 0.4;
        c.reasons << QStringLiteral("types incompatible (%1)").arg(outcome.reason);
    }
}

void AutoMapper::weighSamples(Candidate &c, Role role, const SampleProfile *samples) const
{
    const QList<Shape> shapes = expectedShapes(role);
    if (!samples || samples->count() == 0 || shapes.isEmpty())
        return;
    double share = 0;
    Shape best = shapes.first();
    for (Shape shape : shapes)
        if (samples->share(shape) > share)
            share = samples->share(shape), best = shape;
    QString what = shapeText(best, *samples);
    if (role == Role::Cents) { // integers, decimals and money are all amounts
        share = 0;
        for (Shape shape : shapes)
            share += samples->share(shape);
        share = std::min(1.0, share);
        what = QStringLiteral("amounts");
    }
    if (share >= 0.8) {
        c.score = std::min(1.0, c.score + 0.05);
        c.reasons << QStringLiteral("sample values look like %1").arg(what);
    } else if (share < 0.3) {
        c.score *= 0.7;
        c.reasons << QStringLiteral("only %1% of the sample values look like %2")
                         .arg(qRound(share * 100))
                         .arg(SampleProfile::shapeName(shapes.first()));
    } else {
        c.reasons << QStringLiteral("%1% of the sample values look like %2")
                         .arg(qRound(share * 100))
                         .arg(what);
    }
}

AutoMapper::Candidate AutoMapper::score(const TableInfo &source, qsizetype s,
                                        const TableInfo &target, qsizetype t) const
{
    const ColumnInfo &from = source.columns[s];
    const ColumnInfo &to = target.columns[t];
    const Role role = ExpressionProposer::roleOf(target, to);
    Candidate c{t, s, 0, {}, {}, {}};
    const NameMatcher::Match name =
        m_names.compareColumns(from.name, contextWords(source), to.name, contextWords(target));
    c.score = name.score;
    if (const double key = keyScore(role, source, from); key > c.score) {
        c.score = key;
        c.reasons << (role == Role::Key ? QStringLiteral("primary key -> primary key")
                                        : QStringLiteral("legacy key <- the source's primary key"));
    } else if (name.score > 0) {
        c.reasons << name.reason;
    }
    if (role == Role::Key && source.primaryKey != QStringList{from.name})
        c.score *= 0.7;
    if (c.score < kCandidateFloor)
        return c;
    const SampleProfile *samples = profile(source, from);
    const auto proposal = m_proposer.propose(target, to, from, samples);
    c.expression = proposal.expression;
    c.how = proposal.reason;
    c.cleanExpression = proposal.cleanExpression;
    c.cleanReason = proposal.cleanReason;
    weighTypes(c, from, to, proposal.converts);
    weighSamples(c, role, samples);
    return c;
}

QList<AutoMapper::Candidate> AutoMapper::candidates(const TableInfo &source,
                                                    const TableInfo &target) const
{
    QList<Candidate> all;
    for (qsizetype t = 0; t < target.columns.size(); ++t)
        for (qsizetype s = 0; s < source.columns.size(); ++s)
            if (Candidate c = score(source, s, target, t); c.score >= kCandidateFloor)
                all << c;
    std::stable_sort(all.begin(), all.end(),
                     [](const Candidate &a, const Candidate &b) { return a.score > b.score; });
    return all;
}

QList<AutoMapper::Candidate> AutoMapper::assign(QList<Candidate> all, const TableInfo &source,
                                                const TableInfo &target) const
{
    QHash<qsizetype, qsizetype> targetOf; // source index -> first target fed
    QList<Candidate> chosen;
    QSet<qsizetype> doneTargets;
    for (const Candidate &c : all)
        if (c.score >= m_options.minimumConfidence && !doneTargets.contains(c.target) &&
            !targetOf.contains(c.source))
            chosen << c, doneTargets.insert(c.target), targetOf.insert(c.source, c.target);
    for (Candidate c : all) {
        if (doneTargets.contains(c.target))
            continue;
        const Role role = ExpressionProposer::roleOf(target, target.columns[c.target]);
        if (role != Role::LegacyKey && role != Role::Key)
            c.score *= kReusePenalty;
        if (c.score < m_options.minimumConfidence)
            continue;
        c.reasons << QStringLiteral("%1 also feeds %2")
                         .arg(source.columns[c.source].name,
                              target.columns[targetOf.value(c.source)].name);
        chosen << c, doneTargets.insert(c.target);
    }
    addShapeFallbacks(chosen, source, target);
    std::sort(chosen.begin(), chosen.end(),
              [](const Candidate &a, const Candidate &b) { return a.target < b.target; });
    return chosen;
}

void AutoMapper::addShapeFallbacks(QList<Candidate> &chosen, const TableInfo &source,
                                   const TableInfo &target) const
{
    QSet<qsizetype> usedSources, doneTargets;
    for (const Candidate &c : chosen)
        usedSources.insert(c.source), doneTargets.insert(c.target);
    for (qsizetype t = 0; t < target.columns.size(); ++t) {
        const ColumnInfo &to = target.columns[t];
        const Role role = ExpressionProposer::roleOf(target, to);
        if (doneTargets.contains(t) || (role != Role::Date && role != Role::Timestamp &&
                                        role != Role::Email && role != Role::Boolean))
            continue;
        QList<qsizetype> fitting;
        for (qsizetype s = 0; s < source.columns.size(); ++s)
            if (!usedSources.contains(s) &&
                fitsShape(profile(source, source.columns[s]), source.columns[s], role))
                fitting << s;
        if (fitting.isEmpty())
            continue;
        const ColumnInfo &from = source.columns[fitting.first()];
        const SampleProfile *samples = profile(source, from);
        const auto proposal = m_proposer.propose(target, to, from, samples);
        const QString what =
            samples ? QStringLiteral("whose sample values look like %1")
                          .arg(SampleProfile::shapeName(expectedShapes(role)[0]))
                    : QStringLiteral("of a %1 type").arg(ExpressionProposer::roleName(role));
        Candidate c{t,
                    fitting.first(),
                    fitting.size() == 1 ? 0.45 : 0.35,
                    {},
                    proposal.expression,
                    proposal.reason,
                    proposal.cleanExpression,
                    proposal.cleanReason};
        c.reasons
            << (fitting.size() == 1
                    ? QStringLiteral("no name match; the only unmapped source column %1").arg(what)
                    : QStringLiteral("no name match; the first of %1 unmapped source columns %2")
                          .arg(fitting.size())
                          .arg(what));
        if (c.score >= m_options.minimumConfidence)
            chosen << c, usedSources.insert(c.source), doneTargets.insert(t);
    }
}

AutoMapper::ColumnSuggestion AutoMapper::finish(const Candidate &c, const TableInfo &source,
                                                const TableInfo &target) const
{
    QStringList reasons = c.reasons;
    const bool cleans = m_options.clean && !c.cleanExpression.isEmpty();
    if (cleans)
        reasons << c.cleanReason + QStringLiteral(" (changes data: --clean)");
    else if (!c.how.isEmpty())
        reasons << c.how;
    return {target.columns[c.target].name,
            source.columns[c.source].name,
            cleans ? c.cleanExpression : c.expression,
            rounded(c.score),
            reasons.join(QStringLiteral("; ")),
            cleans ? QString() : c.cleanExpression,
            cleans ? QString() : c.cleanReason};
}

QList<AutoMapper::ColumnSuggestion> AutoMapper::suggestColumns(const QString &sourceTable,
                                                               const QString &targetTable) const
{
    const TableInfo *source = findTable(m_source, sourceTable);
    const TableInfo *target = findTable(m_target, targetTable);
    if (!source || !target)
        return {};
    QStringList sourceColumns;
    for (const ColumnInfo &c : source->columns)
        sourceColumns << c.name;
    ExpressionChecker checker(sourceColumns);
    QList<ColumnSuggestion> result;
    for (const Candidate &c : assign(candidates(*source, *target), *source, *target)) {
        ColumnSuggestion suggestion = finish(c, *source, *target);
        if (const auto check = checker.check(suggestion.expression); !check.ok) {
            suggestion.reason += QStringLiteral("; the proposed expression did not compile (%1), "
                                                "so the column is copied as it is")
                                     .arg(check.message);
            suggestion.expression = ExpressionProposer::reference(suggestion.source);
        }
        result << suggestion;
    }
    return result;
}

AutoMapper::MappingSuggestion AutoMapper::suggestMapping(const TableSuggestion &table) const
{
    MappingSuggestion m;
    m.table = table;
    const TableInfo *source = findTable(m_source, table.source);
    const TableInfo *target = findTable(m_target, table.target);
    if (!source || !target)
        return m;
    m.sourceKey = source->primaryKey.join(QLatin1Char(','));
    m.columns = suggestColumns(source->name, target->name);
    for (const ColumnInfo &c : target->columns) {
        const auto it = std::find_if(m.columns.cbegin(), m.columns.cend(),
                                     [&](const ColumnSuggestion &s) { return s.target == c.name; });
        if (it == m.columns.cend())
            m.unmatched << c.name;
        else if (target->primaryKey == QStringList{c.name} &&
                 it->expression.startsWith(QLatin1String("uuid5(")))
            m.remapKeys = true;
    }
    return m;
}

QList<AutoMapper::MappingSuggestion> AutoMapper::suggest(const QStringList &targets) const
{
    QList<MappingSuggestion> result;
    for (const TableSuggestion &table : suggestTables(targets))
        result << suggestMapping(table);
    return result;
}

void AutoMapper::apply(const ColumnSuggestion &suggestion, TableMapping &mapping)
{
    ColumnMapping column;
    column.target = suggestion.target;
    column.expression = suggestion.expression;
    column.note = QStringLiteral("auto-mapped from %1 (confidence %2): %3")
                      .arg(suggestion.source)
                      .arg(suggestion.confidence, 0, 'f', 2)
                      .arg(suggestion.reason);
    for (ColumnMapping &existing : mapping.columns)
        if (existing.target == column.target) {
            existing = column;
            return;
        }
    mapping.columns << column;
}

TableMapping AutoMapper::toTableMapping(const MappingSuggestion &suggestion, double minConfidence)
{
    TableMapping m;
    m.target = suggestion.table.target;
    m.source = suggestion.table.source;
    m.sourceKey = suggestion.sourceKey;
    if (suggestion.remapKeys) {
        m.keyStrategy = TableMapping::KeyStrategy::RemapUuid;
        m.keyNamespace = m.target;
    }
    m.note = QStringLiteral("Suggested by auto-map (confidence %1): %2")
                 .arg(suggestion.table.confidence, 0, 'f', 2)
                 .arg(suggestion.table.reason);
    for (const ColumnSuggestion &c : suggestion.columns)
        if (c.confidence >= minConfidence)
            apply(c, m);
    return m;
}

} // namespace cutover
