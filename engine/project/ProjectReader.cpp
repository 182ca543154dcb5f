#include "project/ProjectReader.h"

#include "core/JsonLocator.h"
#include "core/JsonObjectReader.h"
#include "project/ProjectJson.h"
#include "project/ProjectVocabulary.h"
#include "project/RunbookJson.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace cutover {

namespace {

using projectjson::choice;
using projectjson::readList;

// A limit given as a share of rows, or -1 for none.
double shareOrUnset(const JsonObjectReader &r, const QString &key, double fallback)
{
    const double share = r.number(key, fallback);
    if (share != -1 && (share < 0 || share > 1))
        throw JsonReadError{r.memberPath(key),
                            QStringLiteral("expected a share between 0 and 1, or -1 for no "
                                           "limit")};
    return share;
}

template <typename T>
void refuseDuplicates(const QList<T> &items, QString T::*field, const QString &listPath,
                      const char *what)
{
    QSet<QString> seen;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString &name = items[i].*field;
        if (seen.contains(name))
            throw JsonReadError{JsonObjectReader::itemPath(listPath, i),
                                QStringLiteral("a second %1 '%2'").arg(QLatin1String(what), name)};
        seen.insert(name);
    }
}

ConnectionDef readConnection(const JsonObjectReader &r)
{
    ConnectionDef c;
    c.name = r.nonEmptyText("name");
    c.url = r.nonEmptyText("url");
    c.description = r.text("description");
    return c;
}

// "default": an SQL literal as a string; absent is no default, "" an empty one.
void readDefault(const JsonObjectReader &r, bool &hasDefault, QString &value)
{
    const QJsonValue def = r.value("default");
    hasDefault = !def.isUndefined();
    if (hasDefault && !def.isString())
        throw r.wrongType(r.memberPath(QStringLiteral("default")), "a string (an SQL literal)",
                          def);
    value = def.toString();
}

ColumnMapping readColumn(const JsonObjectReader &r)
{
    ColumnMapping c;
    c.target = r.nonEmptyText("target");
    c.expression = r.requiredText("expression");
    readDefault(r, c.hasDefault, c.defaultValue);
    c.sensitive = r.flag("sensitive");
    c.isoTimestamps = choice(r, "timestampText", false, &ProjectVocabulary::isoTimestamps,
                             ProjectVocabulary::timestampTextNames());
    c.encoding = r.text("encoding");
    c.note = r.text("note");
    return c;
}

TableMapping readMapping(const JsonObjectReader &r)
{
    TableMapping m;
    m.target = r.nonEmptyText("target");
    m.source = r.text("source");
    m.query = r.text("query");
    if (m.source.isEmpty() == m.query.isEmpty())
        throw JsonReadError{r.path(),
                            QStringLiteral("give exactly one of 'source' (a table) and 'query'")};
    m.filter = r.text("filter");
    m.sourceKey = r.text("sourceKey");
    m.keyStrategy = choice(r, "keyStrategy", TableMapping::KeyStrategy::Keep,
                           &ProjectVocabulary::keyStrategy, ProjectVocabulary::keyStrategyNames());
    m.keyNamespace = r.text("keyNamespace");
    m.mode = choice(r, "mode", TableMapping::Mode::Insert, &ProjectVocabulary::mode,
                    ProjectVocabulary::modeNames());
    m.watermark = r.text("watermark");
    m.syncDeletes = r.flag("syncDeletes");
    m.maxErrorRate = shareOrUnset(r, "maxErrorRate", m.maxErrorRate);
    m.maxQuarantined = r.wholeNumber("maxQuarantined", m.maxQuarantined, -1);
    m.note = r.text("note");
    m.columns = readList<ColumnMapping>(r, "columns", readColumn);
    return m;
}

NormalizedType readType(const JsonObjectReader &r)
{
    const QString spelled = r.nonEmptyText("type");
    const NormalizedType type = NormalizedType::fromString(spelled);
    if (type.kind() == NormalizedType::Kind::Unknown &&
        spelled.trimmed().toLower() != NormalizedType::kindName(NormalizedType::Kind::Unknown))
        throw JsonReadError{
            r.memberPath(QStringLiteral("type")),
            QStringLiteral("'%1' is not a type; expected one of: integer, "
                           "decimal(p,s), real, text(n), text, boolean, date, time, "
                           "timestamp, timestamptz, uuid, json, blob, unknown")
                .arg(spelled)};
    return type;
}

ColumnInfo readTargetColumn(const JsonObjectReader &r)
{
    ColumnInfo c;
    c.name = r.nonEmptyText("name");
    c.type = readType(r);
    c.nativeType = r.text("nativeType");
    c.declaredType = c.nativeType.isEmpty() ? c.type.toString() : c.nativeType;
    c.nullable = r.flag("nullable", true);
    readDefault(r, c.hasDefault, c.defaultValue);
    c.autoIncrement = r.flag("identity");
    return c;
}

// "columns": each a column's name, or {"expression": SQL in the target's dialect}.
void readIndexTerms(const JsonObjectReader &r, IndexInfo &index)
{
    const QJsonArray terms = r.array("columns");
    const QString path = r.memberPath(QStringLiteral("columns"));
    for (qsizetype i = 0; i < terms.size(); ++i) {
        if (terms[i].isString()) {
            index.columns.append(terms[i].toString());
            index.expressions.append(QString());
            continue;
        }
        if (!terms[i].isObject())
            throw r.wrongType(JsonObjectReader::itemPath(path, i),
                              "a column's name or {\"expression\": SQL}", terms[i]);
        JsonObjectReader term(terms[i], JsonObjectReader::itemPath(path, i));
        index.columns.append(QStringLiteral("<expression>"));
        index.expressions.append(term.nonEmptyText("expression"));
        term.refuseUnknownMembers();
    }
    if (!index.hasExpressions())
        index.expressions.clear();
}

IndexInfo readTargetIndex(const JsonObjectReader &r)
{
    IndexInfo index;
    index.name = r.nonEmptyText("name");
    readIndexTerms(r, index);
    index.where = r.text("where");
    if (r.value("where").isString() && index.where.trimmed().isEmpty())
        throw JsonReadError{r.memberPath(QStringLiteral("where")),
                            QStringLiteral("must not be empty (leave it out for an index of "
                                           "every row)")};
    index.partial = !index.where.isEmpty();
    index.unique = r.flag("unique");
    index.isConstraint = r.flag("constraint");
    if (index.isConstraint && !index.unique)
        throw JsonReadError{r.memberPath(QStringLiteral("constraint")),
                            QStringLiteral("only a unique index can be a constraint")};
    if (index.isConstraint && !index.isPlain())
        throw JsonReadError{r.memberPath(QStringLiteral("constraint")),
                            QStringLiteral("a unique constraint has columns only and no 'where': "
                                           "leave 'constraint' out for a unique index")};
    return index;
}

CheckInfo readTargetCheck(const JsonObjectReader &r)
{
    CheckInfo check;
    check.name = r.nonEmptyText("name");
    check.expression = r.nonEmptyText("expression");
    return check;
}

ForeignKeyInfo readTargetForeignKey(const JsonObjectReader &r)
{
    ForeignKeyInfo key;
    key.name = r.nonEmptyText("name");
    key.columns = r.textList("columns");
    key.referencedTable = r.nonEmptyText("references");
    key.referencedColumns = r.textList("referencedColumns");
    if (key.columns.isEmpty() || key.columns.size() != key.referencedColumns.size())
        throw JsonReadError{r.path(), QStringLiteral("'columns' and 'referencedColumns' must name "
                                                     "as many columns, at least one")};
    return key;
}

void requireColumns(const TableInfo &t, const QStringList &names, const QString &path)
{
    for (const QString &name : names)
        if (!t.column(name))
            throw JsonReadError{path, QStringLiteral("the table has no column '%1'").arg(name)};
}

TableInfo readTargetTable(const JsonObjectReader &r)
{
    TableInfo t;
    t.name = r.nonEmptyText("name");
    t.columns = readList<ColumnInfo>(r, "columns", readTargetColumn);
    if (t.columns.isEmpty())
        throw JsonReadError{r.memberPath(QStringLiteral("columns")),
                            QStringLiteral("a table needs at least one column")};
    refuseDuplicates(t.columns, &ColumnInfo::name, r.memberPath(QStringLiteral("columns")),
                     "column named");
    t.primaryKey = r.textList("primaryKey");
    requireColumns(t, t.primaryKey, r.memberPath(QStringLiteral("primaryKey")));
    for (qsizetype i = 0; i < t.primaryKey.size(); ++i)
        for (ColumnInfo &c : t.columns)
            if (c.name == t.primaryKey[i])
                c.primaryKeyPosition = int(i + 1);
    t.indexes = readList<IndexInfo>(r, "indexes", readTargetIndex);
    for (qsizetype i = 0; i < t.indexes.size(); ++i) {
        QStringList columns;
        for (qsizetype c = 0; c < t.indexes[i].columns.size(); ++c)
            if (t.indexes[i].expression(c).isEmpty())
                columns.append(t.indexes[i].columns[c]);
        requireColumns(t, columns,
                       JsonObjectReader::itemPath(r.memberPath(QStringLiteral("indexes")), i));
    }
    t.checks = readList<CheckInfo>(r, "checks", readTargetCheck);
    refuseDuplicates(t.checks, &CheckInfo::name, r.memberPath(QStringLiteral("checks")),
                     "check named");
    t.foreignKeys = readList<ForeignKeyInfo>(r, "foreignKeys", readTargetForeignKey);
    for (qsizetype i = 0; i < t.foreignKeys.size(); ++i)
        requireColumns(t, t.foreignKeys[i].columns,
                       JsonObjectReader::itemPath(r.memberPath(QStringLiteral("foreignKeys")), i));
    return t;
}

LookupMap readLookup(const JsonObjectReader &r)
{
    LookupMap l;
    l.name = r.nonEmptyText("name");
    const QJsonValue entries = r.requiredValue("entries");
    JsonObjectReader entriesReader(entries, r.memberPath(QStringLiteral("entries")));
    const QJsonObject object = entries.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString())
            throw entriesReader.wrongType(entriesReader.memberPath(it.key()), "a string",
                                          it.value());
        l.entries.insert(it.key(), it.value().toString());
    }
    const QJsonValue def = r.value("default");
    l.hasDefault = !def.isUndefined();
    if (l.hasDefault && !def.isString())
        throw r.wrongType(r.memberPath(QStringLiteral("default")), "a string", def);
    l.defaultValue = def.toString();
    return l;
}

Rule readRule(const JsonObjectReader &r)
{
    Rule rule;
    rule.name = r.nonEmptyText("name");
    rule.table = r.nonEmptyText("table");
    rule.column = r.text("column");
    rule.kind = choice(r, "kind", Rule::Kind::NotNull, &ProjectVocabulary::ruleKind,
                       ProjectVocabulary::ruleKindNames());
    rule.severity = choice(r, "severity", Rule::Severity::Blocking, &ProjectVocabulary::severity,
                           ProjectVocabulary::severityNames());
    rule.pattern = r.text("pattern");
    rule.minimum = r.text("min");
    rule.maximum = r.text("max");
    rule.allowed = r.textList("allowed");
    rule.reference = r.text("reference");
    rule.expression = r.text("expression");
    rule.message = r.text("message");
    return rule;
}

Phase readPhase(const JsonObjectReader &r)
{
    Phase p;
    p.name = r.nonEmptyText("name");
    p.description = r.text("description");
    p.tables = r.textList("tables");
    p.filter = r.text("filter");
    return p;
}

ProjectSettings readSettings(const QJsonValue &value)
{
    ProjectSettings s;
    if (value.isUndefined())
        return s;
    JsonObjectReader r(value, QStringLiteral("settings"));
    s.batchSize = r.wholeNumber("batchSize", s.batchSize, 1);
    s.parallelTables = r.wholeNumber("parallelTables", s.parallelTables, 1);
    s.maxErrorRate = r.number("maxErrorRate", s.maxErrorRate);
    if (s.maxErrorRate < 0 || s.maxErrorRate > 1)
        throw JsonReadError{QStringLiteral("settings.maxErrorRate"),
                            QStringLiteral("expected a share between 0 and 1")};
    s.maxQuarantined = r.wholeNumber("maxQuarantined", s.maxQuarantined, -1);
    s.maxRunErrorRate = shareOrUnset(r, "maxRunErrorRate", s.maxRunErrorRate);
    s.sampleRows = r.wholeNumber("sampleRows", s.sampleRows, 1);
    r.refuseUnknownMembers();
    return s;
}

ColumnCompareOverride readCompareOverride(const JsonObjectReader &r)
{
    ColumnCompareOverride o;
    if (!r.value("tolerance").isUndefined())
        o.tolerance = r.number("tolerance", 0);
    if (o.tolerance && *o.tolerance < 0)
        throw JsonReadError{r.memberPath(QStringLiteral("tolerance")),
                            QStringLiteral("expected a number of at least 0")};
    if (!r.value("precision").isUndefined())
        o.precision = r.wholeNumber("precision", 0, 0);
    if (o.precision && *o.precision > 9)
        throw JsonReadError{r.memberPath(QStringLiteral("precision")),
                            QStringLiteral("expected fractional digits from 0 to 9")};
    if (!r.value("ignoreCase").isUndefined())
        o.ignoreCase = r.flag("ignoreCase");
    if (!r.value("ignoreTrailingSpaces").isUndefined())
        o.ignoreTrailingSpaces = r.flag("ignoreTrailingSpaces");
    r.refuseUnknownMembers();
    return o;
}

ReconcileThresholds readThresholds(const QJsonValue &value, const QString &path)
{
    ReconcileThresholds t;
    if (value.isUndefined())
        return t;
    JsonObjectReader r(value, path);
    t.maxMissing = r.wholeNumber("maxMissing", int(t.maxMissing), 0);
    t.maxExtra = r.wholeNumber("maxExtra", int(t.maxExtra), 0);
    t.maxModified = r.wholeNumber("maxModified", int(t.maxModified), 0);
    t.maxDuplicates = r.wholeNumber("maxDuplicates", int(t.maxDuplicates), 0);
    t.maxOrphans = r.wholeNumber("maxOrphans", int(t.maxOrphans), 0);
    t.maxInvalid = r.wholeNumber("maxInvalid", int(t.maxInvalid), 0);
    t.maxQuarantinedRate = r.number("maxQuarantinedRate", t.maxQuarantinedRate);
    if (t.maxQuarantinedRate > 1)
        throw JsonReadError{path + QStringLiteral(".maxQuarantinedRate"),
                            QStringLiteral("expected a share between 0 and 1")};
    r.refuseUnknownMembers();
    return t;
}

QMap<QString, QPointF> readPositions(const QJsonValue &value, const QString &path)
{
    QMap<QString, QPointF> positions;
    if (value.isUndefined())
        return positions;
    JsonObjectReader all(value, path);
    for (const QString &table : value.toObject().keys()) {
        const QJsonArray xy = all.value(table).toArray();
        if (xy.size() != 2 || !xy.at(0).isDouble() || !xy.at(1).isDouble())
            throw JsonReadError{all.memberPath(table), QStringLiteral("expected [x, y]")};
        positions.insert(table, QPointF(xy.at(0).toDouble(), xy.at(1).toDouble()));
    }
    all.refuseUnknownMembers();
    return positions;
}

CanvasLayout readCanvas(const QJsonValue &value)
{
    CanvasLayout canvas;
    if (value.isUndefined())
        return canvas;
    JsonObjectReader r(value, QStringLiteral("canvas"));
    canvas.sources = readPositions(r.value("sources"), QStringLiteral("canvas.sources"));
    canvas.targets = readPositions(r.value("targets"), QStringLiteral("canvas.targets"));
    r.refuseUnknownMembers();
    return canvas;
}

ReconcileSettings readReconcile(const QJsonValue &value)
{
    ReconcileSettings s;
    if (value.isUndefined())
        return s;
    JsonObjectReader r(value, QStringLiteral("reconcile"));
    s.sampleRows = r.wholeNumber("sampleRows", s.sampleRows, 0);
    const double seed = r.number("seed", double(s.seed));
    if (seed < 0 || seed != double(quint64(seed)))
        throw JsonReadError{QStringLiteral("reconcile.seed"),
                            QStringLiteral("expected a whole number of at least 0")};
    s.seed = quint64(seed);
    s.thresholds = readThresholds(r.value("thresholds"), QStringLiteral("reconcile.thresholds"));
    const QJsonValue columns = r.value("columns");
    if (!columns.isUndefined()) {
        JsonObjectReader all(columns, QStringLiteral("reconcile.columns"));
        for (const QString &name : columns.toObject().keys()) {
            if (!name.contains(QLatin1Char('.')))
                throw JsonReadError{all.memberPath(name),
                                    QStringLiteral("expected \"table.column\" as the key")};
            JsonObjectReader one(all.value(name), all.memberPath(name));
            s.columns.insert(name, readCompareOverride(one));
        }
        all.refuseUnknownMembers();
    }
    const QJsonValue keys = r.value("keys");
    if (!keys.isUndefined()) {
        JsonObjectReader all(keys, QStringLiteral("reconcile.keys"));
        for (const QString &table : keys.toObject().keys()) {
            const QStringList columns = all.textList(table);
            if (columns.isEmpty())
                throw JsonReadError{all.memberPath(table),
                                    QStringLiteral("expected the key's column names")};
            s.keys.insert(table, columns);
        }
        all.refuseUnknownMembers();
    }
    r.refuseUnknownMembers();
    return s;
}

int readFormatVersion(const JsonObjectReader &root)
{
    const QJsonValue v = root.requiredValue("formatVersion");
    if (!v.isDouble() || v.toDouble() != double(v.toInt()) || v.toInt() < 1)
        throw JsonReadError{QStringLiteral("formatVersion"),
                            QStringLiteral("expected a whole number of at least 1")};
    const int version = v.toInt();
    if (version > Project::kFormatVersion)
        throw JsonReadError{
            QStringLiteral("formatVersion"),
            QStringLiteral("format %1 was written by a newer Cutover; this one reads "
                           "formats up to %2")
                .arg(version)
                .arg(Project::kFormatVersion)};
    return version;
}

// Older formats are upgraded here, one version at a time, before the fields are read.
void upgrade(QJsonObject &root, int fromVersion)
{
    if (fromVersion == 1)
        RunbookJson::upgradeFromFormat1(root);
}

void checkReferences(const Project &p)
{
    refuseDuplicates(p.connections, &ConnectionDef::name, QStringLiteral("connections"),
                     "connection named");
    refuseDuplicates(p.mappings, &TableMapping::target, QStringLiteral("mappings"),
                     "mapping for target table");
    refuseDuplicates(p.targetTables, &TableInfo::name, QStringLiteral("targetTables"),
                     "target table named");
    refuseDuplicates(p.lookups, &LookupMap::name, QStringLiteral("lookups"), "lookup named");
    refuseDuplicates(p.rules, &Rule::name, QStringLiteral("rules"), "rule named");
    refuseDuplicates(p.phases, &Phase::name, QStringLiteral("phases"), "phase named");
    for (const char *key : {"source", "target"}) {
        const QString name =
            QLatin1String(key) == QLatin1String("source") ? p.sourceConnection : p.targetConnection;
        if (!p.connection(name))
            throw JsonReadError{
                QLatin1String(key),
                QStringLiteral("no connection named '%1' in 'connections'").arg(name)};
    }
    const QList<RunbookStep> &steps = p.runbook.steps;
    for (qsizetype i = 0; i < steps.size(); ++i)
        if (!steps[i].phase.isEmpty() && !p.phase(steps[i].phase))
            throw JsonReadError{JsonObjectReader::itemPath(QStringLiteral("runbook.steps"), i) +
                                    QStringLiteral(".phase"),
                                QStringLiteral("no phase named '%1'").arg(steps[i].phase)};
}

Project readProject(const QJsonValue &rootValue)
{
    JsonObjectReader versionReader(rootValue, QString());
    const int version = readFormatVersion(versionReader);
    QJsonObject object = rootValue.toObject();
    if (version < Project::kFormatVersion)
        upgrade(object, version);
    JsonObjectReader root(object, QString());
    root.value("formatVersion"); // read above, before the upgrade: a known member

    Project p;
    p.name = root.requiredText("name");
    p.description = root.text("description");
    p.connections = readList<ConnectionDef>(root, "connections", readConnection);
    p.sourceConnection = root.nonEmptyText("source");
    p.targetConnection = root.nonEmptyText("target");
    p.mappings = readList<TableMapping>(root, "mappings", readMapping);
    p.targetTables = readList<TableInfo>(root, "targetTables", readTargetTable);
    p.lookups = readList<LookupMap>(root, "lookups", readLookup);
    p.rules = readList<Rule>(root, "rules", readRule);
    p.phases = readList<Phase>(root, "phases", readPhase);
    p.settings = readSettings(root.value("settings"));
    p.reconcile = readReconcile(root.value("reconcile"));
    p.runbook = RunbookJson::readPlan(root.value("runbook"));
    p.advisor = RunbookJson::readAdvisor(root.value("advisor"));
    p.canvas = readCanvas(root.value("canvas"));
    root.refuseUnknownMembers();
    checkReferences(p);
    return p;
}

QString place(const QString &fileName, JsonLocator::Position position)
{
    if (position.line == 0)
        return fileName;
    return QStringLiteral("%1:%2:%3").arg(fileName).arg(position.line).arg(position.column);
}

} // namespace

Result<Project> ProjectReader::load(const QString &filePath)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return Error(Error::Code::Io,
                     QStringLiteral("cannot read the project: %1").arg(file.errorString()),
                     filePath);
    const QFileInfo info(filePath);
    return parse(file.readAll(), filePath, info.absolutePath());
}

Result<Project> ProjectReader::parse(const QByteArray &text, const QString &fileName,
                                     const QString &baseDir)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // The text is not valid JSON, so only the offset can be turned into a line and column.
        const auto position = JsonLocator::positionIn(text, parseError.offset);
        return Error(
            Error::Code::Parse, QStringLiteral("not valid JSON: %1").arg(parseError.errorString()),
            place(fileName, position),
            text.trimmed().isEmpty() ? QStringLiteral("the file is empty")
                                     : QStringLiteral("is the file truncated or hand-edited?"));
    }
    const JsonLocator locator(text);
    if (const auto &twice = locator.firstDuplicateKey())
        return Error(Error::Code::Parse,
                     QStringLiteral("the key '%1' is given twice; JSON keeps only one of them")
                         .arg(twice->path.section(QLatin1Char('.'), -1)),
                     place(fileName, JsonLocator::positionIn(text, twice->offset)) +
                         QStringLiteral(" (%1)").arg(twice->path),
                     QStringLiteral("remove the one you do not mean"));
    try {
        Project project = readProject(document.isObject() ? QJsonValue(document.object())
                                                          : QJsonValue(document.array()));
        project.baseDir = baseDir;
        return project;
    } catch (const JsonReadError &e) {
        QString where = place(fileName, locator.positionOf(e.path));
        if (!e.path.isEmpty())
            where += QStringLiteral(" (%1)").arg(e.path);
        return Error(Error::Code::Parse, e.message, where);
    }
}

} // namespace cutover
