#include "project/ProjectWriter.h"

#include "core/JsonWriter.h"
#include "project/ProjectJson.h"
#include "project/ProjectVocabulary.h"
#include "project/RunbookJson.h"

#include <QJsonArray>
#include <QSaveFile>

namespace cutover {

namespace {

using projectjson::arrayOf;
using projectjson::putText;

const QStringList kKeyOrder = {
    QStringLiteral("formatVersion"), QStringLiteral("name"),        QStringLiteral("id"),
    QStringLiteral("title"),         QStringLiteral("description"), QStringLiteral("url"),
    QStringLiteral("source"),        QStringLiteral("target"),      QStringLiteral("connections"),
    QStringLiteral("table"),         QStringLiteral("column"),      QStringLiteral("type"),
    QStringLiteral("nativeType"),    QStringLiteral("nullable"),    QStringLiteral("kind"),
    QStringLiteral("severity"),      QStringLiteral("query"),       QStringLiteral("filter"),
    QStringLiteral("sourceKey"),     QStringLiteral("keyStrategy"), QStringLiteral("keyNamespace"),
    QStringLiteral("mode"),          QStringLiteral("watermark"),   QStringLiteral("syncDeletes"),
    QStringLiteral("expression"),    QStringLiteral("encoding"),    QStringLiteral("default"),
    QStringLiteral("sensitive"),     QStringLiteral("columns"),     QStringLiteral("mappings"),
    QStringLiteral("targetTables"),  QStringLiteral("lookups"),     QStringLiteral("rules"),
    QStringLiteral("phases"),        QStringLiteral("settings"),    QStringLiteral("reconcile"),
    QStringLiteral("runbook"),       QStringLiteral("advisor"),     QStringLiteral("canvas"),
    QStringLiteral("sources"),       QStringLiteral("targets"),
};

QJsonObject connectionJson(const ConnectionDef &c)
{
    QJsonObject o;
    o[QStringLiteral("name")] = c.name;
    o[QStringLiteral("url")] = c.url;
    putText(o, "description", c.description);
    return o;
}

QJsonObject columnJson(const ColumnMapping &c)
{
    QJsonObject o;
    o[QStringLiteral("target")] = c.target;
    o[QStringLiteral("expression")] = c.expression;
    putText(o, "encoding", c.encoding);
    if (c.hasDefault)
        o[QStringLiteral("default")] = c.defaultValue;
    if (c.sensitive)
        o[QStringLiteral("sensitive")] = true;
    if (c.isoTimestamps)
        o[QStringLiteral("timestampText")] = ProjectVocabulary::timestampTextName(true);
    putText(o, "note", c.note);
    return o;
}

QJsonObject mappingJson(const TableMapping &m)
{
    QJsonObject o;
    o[QStringLiteral("target")] = m.target;
    putText(o, "source", m.source);
    putText(o, "query", m.query);
    putText(o, "filter", m.filter);
    putText(o, "sourceKey", m.sourceKey);
    o[QStringLiteral("keyStrategy")] = ProjectVocabulary::keyStrategyName(m.keyStrategy);
    putText(o, "keyNamespace", m.keyNamespace);
    o[QStringLiteral("mode")] = ProjectVocabulary::modeName(m.mode);
    putText(o, "watermark", m.watermark);
    if (m.syncDeletes)
        o[QStringLiteral("syncDeletes")] = true;
    if (m.maxErrorRate >= 0)
        o[QStringLiteral("maxErrorRate")] = m.maxErrorRate;
    if (m.maxQuarantined >= 0)
        o[QStringLiteral("maxQuarantined")] = m.maxQuarantined;
    putText(o, "note", m.note);
    QJsonArray columns;
    for (const ColumnMapping &c : m.columns)
        columns.append(columnJson(c));
    o[QStringLiteral("columns")] = columns;
    return o;
}

QJsonObject lookupJson(const LookupMap &l)
{
    QJsonObject entries;
    for (auto it = l.entries.cbegin(); it != l.entries.cend(); ++it)
        entries[it.key()] = it.value();
    QJsonObject o;
    o[QStringLiteral("name")] = l.name;
    o[QStringLiteral("entries")] = entries;
    if (l.hasDefault)
        o[QStringLiteral("default")] = l.defaultValue;
    return o;
}

QJsonObject ruleJson(const Rule &r)
{
    QJsonObject o;
    o[QStringLiteral("name")] = r.name;
    o[QStringLiteral("table")] = r.table;
    putText(o, "column", r.column);
    o[QStringLiteral("kind")] = ProjectVocabulary::ruleKindName(r.kind);
    o[QStringLiteral("severity")] = ProjectVocabulary::severityName(r.severity);
    putText(o, "pattern", r.pattern);
    putText(o, "min", r.minimum);
    putText(o, "max", r.maximum);
    if (!r.allowed.isEmpty())
        o[QStringLiteral("allowed")] = QJsonArray::fromStringList(r.allowed);
    putText(o, "reference", r.reference);
    putText(o, "expression", r.expression);
    putText(o, "message", r.message);
    return o;
}

QJsonObject phaseJson(const Phase &p)
{
    QJsonObject o;
    o[QStringLiteral("name")] = p.name;
    putText(o, "description", p.description);
    if (!p.tables.isEmpty())
        o[QStringLiteral("tables")] = QJsonArray::fromStringList(p.tables);
    putText(o, "filter", p.filter);
    return o;
}

QJsonObject settingsJson(const ProjectSettings &s)
{
    QJsonObject o;
    o[QStringLiteral("batchSize")] = s.batchSize;
    o[QStringLiteral("parallelTables")] = s.parallelTables;
    o[QStringLiteral("maxErrorRate")] = s.maxErrorRate;
    o[QStringLiteral("maxQuarantined")] = s.maxQuarantined;
    if (s.maxRunErrorRate >= 0)
        o[QStringLiteral("maxRunErrorRate")] = s.maxRunErrorRate;
    o[QStringLiteral("sampleRows")] = s.sampleRows;
    return o;
}

QJsonObject overrideJson(const ColumnCompareOverride &c)
{
    QJsonObject o;
    if (c.tolerance)
        o[QStringLiteral("tolerance")] = *c.tolerance;
    if (c.precision)
        o[QStringLiteral("precision")] = *c.precision;
    if (c.ignoreCase)
        o[QStringLiteral("ignoreCase")] = *c.ignoreCase;
    if (c.ignoreTrailingSpaces)
        o[QStringLiteral("ignoreTrailingSpaces")] = *c.ignoreTrailingSpaces;
    return o;
}

QJsonObject thresholdsJson(const ReconcileThresholds &t)
{
    QJsonObject o;
    o[QStringLiteral("maxMissing")] = t.maxMissing;
    o[QStringLiteral("maxExtra")] = t.maxExtra;
    o[QStringLiteral("maxModified")] = t.maxModified;
    o[QStringLiteral("maxDuplicates")] = t.maxDuplicates;
    o[QStringLiteral("maxOrphans")] = t.maxOrphans;
    o[QStringLiteral("maxInvalid")] = t.maxInvalid;
    o[QStringLiteral("maxQuarantinedRate")] = t.maxQuarantinedRate;
    return o;
}

// Written only when it differs from the defaults, so older project files stay as they were.
// Positions as whole canvas units: a diff shows a moved table, not rounding noise.
QJsonObject positionsJson(const QMap<QString, QPointF> &positions)
{
    QJsonObject o;
    for (auto it = positions.cbegin(); it != positions.cend(); ++it)
        o[it.key()] = QJsonArray{qRound(it.value().x()), qRound(it.value().y())};
    return o;
}

QJsonObject canvasJson(const CanvasLayout &canvas)
{
    QJsonObject o;
    if (!canvas.sources.isEmpty())
        o[QStringLiteral("sources")] = positionsJson(canvas.sources);
    if (!canvas.targets.isEmpty())
        o[QStringLiteral("targets")] = positionsJson(canvas.targets);
    return o;
}

std::optional<QJsonObject> reconcileJson(const ReconcileSettings &s)
{
    if (s == ReconcileSettings())
        return std::nullopt;
    QJsonObject o;
    o[QStringLiteral("sampleRows")] = s.sampleRows;
    o[QStringLiteral("seed")] = double(s.seed);
    o[QStringLiteral("thresholds")] = thresholdsJson(s.thresholds);
    if (!s.columns.isEmpty()) {
        QJsonObject columns;
        for (auto it = s.columns.cbegin(); it != s.columns.cend(); ++it)
            columns[it.key()] = overrideJson(it.value());
        o[QStringLiteral("columns")] = columns;
    }
    if (!s.keys.isEmpty()) {
        QJsonObject keys;
        for (auto it = s.keys.cbegin(); it != s.keys.cend(); ++it)
            keys[it.key()] = QJsonArray::fromStringList(it.value());
        o[QStringLiteral("keys")] = keys;
    }
    return o;
}

QJsonObject targetColumnJson(const ColumnInfo &c)
{
    QJsonObject o;
    o[QStringLiteral("name")] = c.name;
    o[QStringLiteral("type")] = c.type.toString();
    putText(o, "nativeType", c.nativeType);
    if (!c.nullable)
        o[QStringLiteral("nullable")] = false;
    if (c.hasDefault)
        o[QStringLiteral("default")] = c.defaultValue;
    if (c.autoIncrement)
        o[QStringLiteral("identity")] = true;
    return o;
}

// A column's name, or {"expression": SQL} for an expression term.
QJsonArray indexTermsJson(const IndexInfo &index)
{
    QJsonArray terms;
    for (qsizetype i = 0; i < index.columns.size(); ++i) {
        const QString expression = index.expression(i);
        if (expression.isEmpty())
            terms.append(index.columns[i]);
        else
            terms.append(QJsonObject{{QStringLiteral("expression"), expression}});
    }
    return terms;
}

QJsonObject targetIndexJson(const IndexInfo &index)
{
    QJsonObject o;
    o[QStringLiteral("name")] = index.name;
    o[QStringLiteral("columns")] = indexTermsJson(index);
    if (index.unique)
        o[QStringLiteral("unique")] = true;
    if (index.isConstraint)
        o[QStringLiteral("constraint")] = true;
    putText(o, "where", index.where);
    return o;
}

QJsonObject targetCheckJson(const CheckInfo &check)
{
    QJsonObject o;
    o[QStringLiteral("name")] = check.name;
    o[QStringLiteral("expression")] = check.expression;
    return o;
}

QJsonObject targetForeignKeyJson(const ForeignKeyInfo &key)
{
    QJsonObject o;
    o[QStringLiteral("name")] = key.name;
    o[QStringLiteral("columns")] = QJsonArray::fromStringList(key.columns);
    o[QStringLiteral("references")] = key.referencedTable;
    o[QStringLiteral("referencedColumns")] = QJsonArray::fromStringList(key.referencedColumns);
    return o;
}

QJsonObject targetTableJson(const TableInfo &t)
{
    QJsonObject o;
    o[QStringLiteral("name")] = t.name;
    o[QStringLiteral("columns")] = arrayOf(t.columns, targetColumnJson);
    if (!t.primaryKey.isEmpty())
        o[QStringLiteral("primaryKey")] = QJsonArray::fromStringList(t.primaryKey);
    if (!t.indexes.isEmpty())
        o[QStringLiteral("indexes")] = arrayOf(t.indexes, targetIndexJson);
    if (!t.foreignKeys.isEmpty())
        o[QStringLiteral("foreignKeys")] = arrayOf(t.foreignKeys, targetForeignKeyJson);
    if (!t.checks.isEmpty())
        o[QStringLiteral("checks")] = arrayOf(t.checks, targetCheckJson);
    return o;
}

} // namespace

QJsonObject ProjectWriter::toJson(const Project &p)
{
    QJsonObject o;
    o[QStringLiteral("formatVersion")] = Project::kFormatVersion;
    o[QStringLiteral("name")] = p.name;
    putText(o, "description", p.description);
    o[QStringLiteral("connections")] = arrayOf(p.connections, connectionJson);
    o[QStringLiteral("source")] = p.sourceConnection;
    o[QStringLiteral("target")] = p.targetConnection;
    o[QStringLiteral("mappings")] = arrayOf(p.mappings, mappingJson);
    if (!p.targetTables.isEmpty())
        o[QStringLiteral("targetTables")] = arrayOf(p.targetTables, targetTableJson);
    o[QStringLiteral("lookups")] = arrayOf(p.lookups, lookupJson);
    o[QStringLiteral("rules")] = arrayOf(p.rules, ruleJson);
    o[QStringLiteral("phases")] = arrayOf(p.phases, phaseJson);
    o[QStringLiteral("settings")] = settingsJson(p.settings);
    if (const auto reconcile = reconcileJson(p.reconcile))
        o[QStringLiteral("reconcile")] = *reconcile;
    o[QStringLiteral("runbook")] = RunbookJson::planJson(p.runbook);
    if (!p.advisor.isEmpty())
        o[QStringLiteral("advisor")] = RunbookJson::advisorJson(p.advisor);
    if (!p.canvas.isEmpty())
        o[QStringLiteral("canvas")] = canvasJson(p.canvas);
    return o;
}

QByteArray ProjectWriter::toBytes(const Project &project)
{
    return JsonWriter(kKeyOrder + RunbookJson::keyOrder()).write(toJson(project));
}

Result<void> ProjectWriter::save(const Project &project, const QString &filePath)
{
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly))
        return Error(Error::Code::Io, file.errorString(), filePath);
    file.write(toBytes(project));
    if (!file.commit())
        return Error(Error::Code::Io, file.errorString(), filePath);
    return {};
}

} // namespace cutover
