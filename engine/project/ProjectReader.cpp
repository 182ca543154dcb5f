#include "project/ProjectReader.h"

#include "core/JsonLocator.h"
#include "project/ProjectVocabulary.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace cutover {

namespace {

struct FormatError
{
    QString path;
    QString message;
};

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

// Reads the fields of one JSON object, remembering its path for error messages, and refuses
// keys it was not asked about.
class ObjectReader
{
public:
    ObjectReader(const QJsonValue &value, QString path)
        : m_path(std::move(path))
    {
        if (!value.isObject())
            throw FormatError{m_path,
                              QStringLiteral("expected an object, found %1").arg(typeName(value))};
        m_object = value.toObject();
    }

    QString text(const char *key, bool required = false)
    {
        const QJsonValue v = field(key, required);
        if (v.isUndefined())
            return {};
        if (!v.isString())
            throw wrongType(key, v, "a string");
        return v.toString();
    }
    QString requiredText(const char *key)
    {
        const QString value = text(key, true);
        if (value.trimmed().isEmpty())
            throw FormatError{childPath(key), QStringLiteral("must not be empty")};
        return value;
    }
    bool flag(const char *key, bool fallback = false)
    {
        const QJsonValue v = field(key, false);
        if (v.isUndefined())
            return fallback;
        if (!v.isBool())
            throw wrongType(key, v, "true or false");
        return v.toBool();
    }
    double number(const char *key, double fallback)
    {
        const QJsonValue v = field(key, false);
        if (v.isUndefined())
            return fallback;
        if (!v.isDouble())
            throw wrongType(key, v, "a number");
        return v.toDouble();
    }
    // A limit given as a share of rows, or -1 for none.
    double shareOrUnset(const char *key, double fallback)
    {
        const double share = number(key, fallback);
        if (share != -1 && (share < 0 || share > 1))
            throw FormatError{childPath(key),
                              QStringLiteral("expected a share between 0 and 1, or -1 for no "
                                             "limit")};
        return share;
    }
    int integer(const char *key, int fallback, int minimum)
    {
        const double d = number(key, fallback);
        if (d != double(int(d)) || d < minimum)
            throw FormatError{
                childPath(key),
                QStringLiteral("expected a whole number of at least %1").arg(minimum)};
        return int(d);
    }
    QStringList textList(const char *key)
    {
        QStringList result;
        const QJsonArray items = array(key);
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!items[i].isString())
                throw FormatError{
                    QStringLiteral("%1[%2]").arg(childPath(key)).arg(i),
                    QStringLiteral("expected a string, found %1").arg(typeName(items[i]))};
            result.append(items[i].toString());
        }
        return result;
    }
    QJsonArray array(const char *key)
    {
        const QJsonValue v = field(key, false);
        if (v.isUndefined())
            return {};
        if (!v.isArray())
            throw wrongType(key, v, "an array");
        return v.toArray();
    }
    QJsonValue raw(const char *key, bool required = false) { return field(key, required); }

    template <typename E>
    E choice(const char *key, E fallback, std::optional<E> (*parse)(const QString &),
             const QStringList &names)
    {
        const QString name = text(key);
        if (name.isEmpty())
            return fallback;
        if (auto value = parse(name))
            return *value;
        throw FormatError{
            childPath(key),
            QStringLiteral("'%1' is not one of: %2").arg(name, names.join(QStringLiteral(", ")))};
    }

    QString childPath(const QString &key) const
    {
        return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
    }
    const QString &path() const { return m_path; }

    // Call after reading every known field.
    void refuseUnknownKeys() const
    {
        for (const QString &key : m_object.keys())
            if (!m_seen.contains(key))
                throw FormatError{childPath(key), QStringLiteral("unknown key '%1'").arg(key)};
    }

private:
    QJsonValue field(const char *key, bool required)
    {
        const QString name = QLatin1String(key);
        m_seen.insert(name);
        const QJsonValue v = m_object.value(name);
        if (v.isUndefined() && required)
            throw FormatError{m_path, QStringLiteral("missing required key '%1'").arg(name)};
        return v;
    }
    FormatError wrongType(const char *key, const QJsonValue &v, const char *expected) const
    {
        return FormatError{
            childPath(QLatin1String(key)),
            QStringLiteral("expected %1, found %2").arg(QLatin1String(expected), typeName(v))};
    }

    QJsonObject m_object;
    QString m_path;
    QSet<QString> m_seen;
};

QString itemPath(const QString &listPath, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(listPath).arg(index);
}

template <typename T>
void refuseDuplicates(const QList<T> &items, QString T::*field, const QString &listPath,
                      const char *what)
{
    QSet<QString> seen;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString &name = items[i].*field;
        if (seen.contains(name))
            throw FormatError{itemPath(listPath, i),
                              QStringLiteral("a second %1 '%2'").arg(QLatin1String(what), name)};
        seen.insert(name);
    }
}

template <typename T, typename F>
QList<T> readList(ObjectReader &parent, const char *key, F readItem)
{
    QList<T> result;
    const QJsonArray items = parent.array(key);
    for (qsizetype i = 0; i < items.size(); ++i) {
        ObjectReader item(items[i], itemPath(parent.childPath(QLatin1String(key)), i));
        result.append(readItem(item));
        item.refuseUnknownKeys();
    }
    return result;
}

ConnectionDef readConnection(ObjectReader &r)
{
    ConnectionDef c;
    c.name = r.requiredText("name");
    c.url = r.requiredText("url");
    c.description = r.text("description");
    return c;
}

// "default": an SQL literal as a string; absent is no default, "" an empty one.
void readDefault(ObjectReader &r, bool &hasDefault, QString &value)
{
    const QJsonValue def = r.raw("default");
    hasDefault = !def.isUndefined();
    if (hasDefault && !def.isString())
        throw FormatError{
            r.childPath(QStringLiteral("default")),
            QStringLiteral("expected a string (an SQL literal), found %1").arg(typeName(def))};
    value = def.toString();
}

ColumnMapping readColumn(ObjectReader &r)
{
    ColumnMapping c;
    c.target = r.requiredText("target");
    c.expression = r.text("expression", true);
    readDefault(r, c.hasDefault, c.defaultValue);
    c.sensitive = r.flag("sensitive");
    c.isoTimestamps = r.choice("timestampText", false, &ProjectVocabulary::isoTimestamps,
                               ProjectVocabulary::timestampTextNames());
    c.encoding = r.text("encoding");
    c.note = r.text("note");
    return c;
}

TableMapping readMapping(ObjectReader &r)
{
    TableMapping m;
    m.target = r.requiredText("target");
    m.source = r.text("source");
    m.query = r.text("query");
    if (m.source.isEmpty() == m.query.isEmpty())
        throw FormatError{r.path(),
                          QStringLiteral("give exactly one of 'source' (a table) and 'query'")};
    m.filter = r.text("filter");
    m.sourceKey = r.text("sourceKey");
    m.keyStrategy =
        r.choice("keyStrategy", TableMapping::KeyStrategy::Keep, &ProjectVocabulary::keyStrategy,
                 ProjectVocabulary::keyStrategyNames());
    m.keyNamespace = r.text("keyNamespace");
    m.mode = r.choice("mode", TableMapping::Mode::Insert, &ProjectVocabulary::mode,
                      ProjectVocabulary::modeNames());
    m.watermark = r.text("watermark");
    m.syncDeletes = r.flag("syncDeletes");
    m.maxErrorRate = r.shareOrUnset("maxErrorRate", m.maxErrorRate);
    m.maxQuarantined = r.integer("maxQuarantined", m.maxQuarantined, -1);
    m.note = r.text("note");
    m.columns = readList<ColumnMapping>(r, "columns", readColumn);
    return m;
}

NormalizedType readType(ObjectReader &r)
{
    const QString spelled = r.requiredText("type");
    const NormalizedType type = NormalizedType::fromString(spelled);
    if (type.kind() == NormalizedType::Kind::Unknown &&
        spelled.trimmed().toLower() != NormalizedType::kindName(NormalizedType::Kind::Unknown))
        throw FormatError{r.childPath(QStringLiteral("type")),
                          QStringLiteral("'%1' is not a type; expected one of: integer, "
                                         "decimal(p,s), real, text(n), text, boolean, date, time, "
                                         "timestamp, timestamptz, uuid, json, blob, unknown")
                              .arg(spelled)};
    return type;
}

ColumnInfo readTargetColumn(ObjectReader &r)
{
    ColumnInfo c;
    c.name = r.requiredText("name");
    c.type = readType(r);
    c.nativeType = r.text("nativeType");
    c.declaredType = c.nativeType.isEmpty() ? c.type.toString() : c.nativeType;
    c.nullable = r.flag("nullable", true);
    readDefault(r, c.hasDefault, c.defaultValue);
    c.autoIncrement = r.flag("identity");
    return c;
}

// "columns": each a column's name, or {"expression": SQL in the target's dialect}.
void readIndexTerms(ObjectReader &r, IndexInfo &index)
{
    const QJsonArray terms = r.array("columns");
    const QString path = r.childPath(QStringLiteral("columns"));
    for (qsizetype i = 0; i < terms.size(); ++i) {
        if (terms[i].isString()) {
            index.columns.append(terms[i].toString());
            index.expressions.append(QString());
            continue;
        }
        if (!terms[i].isObject())
            throw FormatError{itemPath(path, i),
                              QStringLiteral("expected a column's name or {\"expression\": SQL}, "
                                             "found %1")
                                  .arg(typeName(terms[i]))};
        ObjectReader term(terms[i], itemPath(path, i));
        index.columns.append(QStringLiteral("<expression>"));
        index.expressions.append(term.requiredText("expression"));
        term.refuseUnknownKeys();
    }
    if (!index.hasExpressions())
        index.expressions.clear();
}

IndexInfo readTargetIndex(ObjectReader &r)
{
    IndexInfo index;
    index.name = r.requiredText("name");
    readIndexTerms(r, index);
    index.where = r.text("where");
    if (r.raw("where").isString() && index.where.trimmed().isEmpty())
        throw FormatError{r.childPath(QStringLiteral("where")),
                          QStringLiteral("must not be empty (leave it out for an index of "
                                         "every row)")};
    index.partial = !index.where.isEmpty();
    index.unique = r.flag("unique");
    index.isConstraint = r.flag("constraint");
    if (index.isConstraint && !index.unique)
        throw FormatError{r.childPath(QStringLiteral("constraint")),
                          QStringLiteral("only a unique index can be a constraint")};
    if (index.isConstraint && !index.isPlain())
        throw FormatError{r.childPath(QStringLiteral("constraint")),
                          QStringLiteral("a unique constraint has columns only and no 'where': "
                                         "leave 'constraint' out for a unique index")};
    return index;
}

CheckInfo readTargetCheck(ObjectReader &r)
{
    CheckInfo check;
    check.name = r.requiredText("name");
    check.expression = r.requiredText("expression");
    return check;
}

ForeignKeyInfo readTargetForeignKey(ObjectReader &r)
{
    ForeignKeyInfo key;
    key.name = r.requiredText("name");
    key.columns = r.textList("columns");
    key.referencedTable = r.requiredText("references");
    key.referencedColumns = r.textList("referencedColumns");
    if (key.columns.isEmpty() || key.columns.size() != key.referencedColumns.size())
        throw FormatError{r.path(), QStringLiteral("'columns' and 'referencedColumns' must name "
                                                   "as many columns, at least one")};
    return key;
}

void requireColumns(const TableInfo &t, const QStringList &names, const QString &path)
{
    for (const QString &name : names)
        if (!t.column(name))
            throw FormatError{path, QStringLiteral("the table has no column '%1'").arg(name)};
}

TableInfo readTargetTable(ObjectReader &r)
{
    TableInfo t;
    t.name = r.requiredText("name");
    t.columns = readList<ColumnInfo>(r, "columns", readTargetColumn);
    if (t.columns.isEmpty())
        throw FormatError{r.childPath(QStringLiteral("columns")),
                          QStringLiteral("a table needs at least one column")};
    refuseDuplicates(t.columns, &ColumnInfo::name, r.childPath(QStringLiteral("columns")),
                     "column named");
    t.primaryKey = r.textList("primaryKey");
    requireColumns(t, t.primaryKey, r.childPath(QStringLiteral("primaryKey")));
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
        requireColumns(t, columns, itemPath(r.childPath(QStringLiteral("indexes")), i));
    }
    t.checks = readList<CheckInfo>(r, "checks", readTargetCheck);
    refuseDuplicates(t.checks, &CheckInfo::name, r.childPath(QStringLiteral("checks")),
                     "check named");
    t.foreignKeys = readList<ForeignKeyInfo>(r, "foreignKeys", readTargetForeignKey);
    for (qsizetype i = 0; i < t.foreignKeys.size(); ++i)
        requireColumns(t, t.foreignKeys[i].columns,
                       itemPath(r.childPath(QStringLiteral("foreignKeys")), i));
    return t;
}

LookupMap readLookup(ObjectReader &r)
{
    LookupMap l;
    l.name = r.requiredText("name");
    const QJsonValue entries = r.raw("entries", true);
    ObjectReader entriesReader(entries, r.childPath(QStringLiteral("entries")));
    const QJsonObject object = entries.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString())
            throw FormatError{
                entriesReader.childPath(it.key()),
                QStringLiteral("expected a string, found %1").arg(typeName(it.value()))};
        l.entries.insert(it.key(), it.value().toString());
    }
    const QJsonValue def = r.raw("default");
    l.hasDefault = !def.isUndefined();
    if (l.hasDefault && !def.isString())
        throw FormatError{r.childPath(QStringLiteral("default")),
                          QStringLiteral("expected a string, found %1").arg(typeName(def))};
    l.defaultValue = def.toString();
    return l;
}

Rule readRule(ObjectReader &r)
{
    Rule rule;
    rule.name = r.requiredText("name");
    rule.table = r.requiredText("table");
    rule.column = r.text("column");
    rule.kind = r.choice("kind", Rule::Kind::NotNull, &ProjectVocabulary::ruleKind,
                         ProjectVocabulary::ruleKindNames());
    rule.severity = r.choice("severity", Rule::Severity::Blocking, &ProjectVocabulary::severity,
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

Phase readPhase(ObjectReader &r)
{
    Phase p;
    p.name = r.requiredText("name");
    p.description = r.text("description");
    p.tables = r.textList("tables");
    p.filter = r.text("filter");
    return p;
}

RunbookStep readStep(ObjectReader &r)
{
    RunbookStep s;
    s.id = r.requiredText("id");
    s.title = r.requiredText("title");
    s.owner = r.text("owner");
    s.description = r.text("description");
    s.action = r.choice("action", RunbookStep::Action::Manual, &ProjectVocabulary::action,
                        ProjectVocabulary::actionNames());
    s.phase = r.text("phase");
    s.gate = r.flag("gate");
    return s;
}

ProjectSettings readSettings(const QJsonValue &value)
{
    ProjectSettings s;
    if (value.isUndefined())
        return s;
    ObjectReader r(value, QStringLiteral("settings"));
    s.batchSize = r.integer("batchSize", s.batchSize, 1);
    s.parallelTables = r.integer("parallelTables", s.parallelTables, 1);
    s.maxErrorRate = r.number("maxErrorRate", s.maxErrorRate);
    if (s.maxErrorRate < 0 || s.maxErrorRate > 1)
        throw FormatError{QStringLiteral("settings.maxErrorRate"),
                          QStringLiteral("expected a share between 0 and 1")};
    s.maxQuarantined = r.integer("maxQuarantined", s.maxQuarantined, -1);
    s.maxRunErrorRate = r.shareOrUnset("maxRunErrorRate", s.maxRunErrorRate);
    s.sampleRows = r.integer("sampleRows", s.sampleRows, 1);
    r.refuseUnknownKeys();
    return s;
}

ColumnCompareOverride readCompareOverride(ObjectReader &r)
{
    ColumnCompareOverride o;
    if (!r.raw("tolerance").isUndefined())
        o.tolerance = r.number("tolerance", 0);
    if (o.tolerance && *o.tolerance < 0)
        throw FormatError{r.childPath(QStringLiteral("tolerance")),
                          QStringLiteral("expected a number of at least 0")};
    if (!r.raw("precision").isUndefined())
        o.precision = r.integer("precision", 0, 0);
    if (o.precision && *o.precision > 9)
        throw FormatError{r.childPath(QStringLiteral("precision")),
                          QStringLiteral("expected fractional digits from 0 to 9")};
    if (!r.raw("ignoreCase").isUndefined())
        o.ignoreCase = r.flag("ignoreCase");
    if (!r.raw("ignoreTrailingSpaces").isUndefined())
        o.ignoreTrailingSpaces = r.flag("ignoreTrailingSpaces");
    r.refuseUnknownKeys();
    return o;
}

ReconcileThresholds readThresholds(const QJsonValue &value, const QString &path)
{
    ReconcileThresholds t;
    if (value.isUndefined())
        return t;
    ObjectReader r(value, path);
    t.maxMissing = r.integer("maxMissing", int(t.maxMissing), 0);
    t.maxExtra = r.integer("maxExtra", int(t.maxExtra), 0);
    t.maxModified = r.integer("maxModified", int(t.maxModified), 0);
    t.maxDuplicates = r.integer("maxDuplicates", int(t.maxDuplicates), 0);
    t.maxOrphans = r.integer("maxOrphans", int(t.maxOrphans), 0);
    t.maxInvalid = r.integer("maxInvalid", int(t.maxInvalid), 0);
    t.maxQuarantinedRate = r.number("maxQuarantinedRate", t.maxQuarantinedRate);
    if (t.maxQuarantinedRate > 1)
        throw FormatError{path + QStringLiteral(".maxQuarantinedRate"),
                          QStringLiteral("expected a share between 0 and 1")};
    r.refuseUnknownKeys();
    return t;
}

ReconcileSettings readReconcile(const QJsonValue &value)
{
    ReconcileSettings s;
    if (value.isUndefined())
        return s;
    ObjectReader r(value, QStringLiteral("reconcile"));
    s.sampleRows = r.integer("sampleRows", s.sampleRows, 0);
    const double seed = r.number("seed", double(s.seed));
    if (seed < 0 || seed != double(quint64(seed)))
        throw FormatError{QStringLiteral("reconcile.seed"),
                          QStringLiteral("expected a whole number of at least 0")};
    s.seed = quint64(seed);
    s.thresholds = readThresholds(r.raw("thresholds"), QStringLiteral("reconcile.thresholds"));
    const QJsonValue columns = r.raw("columns");
    if (!columns.isUndefined()) {
        ObjectReader all(columns, QStringLiteral("reconcile.columns"));
        for (const QString &name : columns.toObject().keys()) {
            if (!name.contains(QLatin1Char('.')))
                throw FormatError{all.childPath(name),
                                  QStringLiteral("expected \"table.column\" as the key")};
            ObjectReader one(all.raw(name.toUtf8().constData()), all.childPath(name));
            s.columns.insert(name, readCompareOverride(one));
        }
        all.refuseUnknownKeys();
    }
    const QJsonValue keys = r.raw("keys");
    if (!keys.isUndefined()) {
        ObjectReader all(keys, QStringLiteral("reconcile.keys"));
        for (const QString &table : keys.toObject().keys()) {
            const QStringList columns = all.textList(table.toUtf8().constData());
            if (columns.isEmpty())
                throw FormatError{all.childPath(table),
                                  QStringLiteral("expected the key's column names")};
            s.keys.insert(table, columns);
        }
        all.refuseUnknownKeys();
    }
    r.refuseUnknownKeys();
    return s;
}

int readFormatVersion(ObjectReader &root)
{
    const QJsonValue v = root.raw("formatVersion", true);
    if (!v.isDouble() || v.toDouble() != double(v.toInt()) || v.toInt() < 1)
        throw FormatError{QStringLiteral("formatVersion"),
                          QStringLiteral("expected a whole number of at least 1")};
    const int version = v.toInt();
    if (version > Project::kFormatVersion)
        throw FormatError{QStringLiteral("formatVersion"),
                          QStringLiteral("format %1 was written by a newer Cutover; this one reads "
                                         "formats up to %2")
                              .arg(version)
                              .arg(Project::kFormatVersion)};
    return version;
}

// Older formats are upgraded here, one version at a time, before the fields are read.
// Format 1 is the first, so there is nothing to upgrade yet.
void upgrade(QJsonObject &, int fromVersion)
{
    Q_ASSERT(fromVersion == Project::kFormatVersion);
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
    refuseDuplicates(p.runbook, &RunbookStep::id, QStringLiteral("runbook"),
                     "runbook step with id");
    for (const char *key : {"source", "target"}) {
        const QString name =
            QLatin1String(key) == QLatin1String("source") ? p.sourceConnection : p.targetConnection;
        if (!p.connection(name))
            throw FormatError{
                QLatin1String(key),
                QStringLiteral("no connection named '%1' in 'connections'").arg(name)};
    }
    for (qsizetype i = 0; i < p.runbook.size(); ++i)
        if (!p.runbook[i].phase.isEmpty() && !p.phase(p.runbook[i].phase))
            throw FormatError{itemPath(QStringLiteral("runbook"), i) + QStringLiteral(".phase"),
                              QStringLiteral("no phase named '%1'").arg(p.runbook[i].phase)};
}

Project readProject(const QJsonValue &rootValue)
{
    ObjectReader versionReader(rootValue, QString());
    const int version = readFormatVersion(versionReader);
    QJsonObject object = rootValue.toObject();
    if (version < Project::kFormatVersion)
        upgrade(object, version);
    ObjectReader root(object, QString());
    root.raw("formatVersion");

    Project p;
    p.name = root.text("name", true);
    p.description = root.text("description");
    p.connections = readList<ConnectionDef>(root, "connections", readConnection);
    p.sourceConnection = root.requiredText("source");
    p.targetConnection = root.requiredText("target");
    p.mappings = readList<TableMapping>(root, "mappings", readMapping);
    p.targetTables = readList<TableInfo>(root, "targetTables", readTargetTable);
    p.lookups = readList<LookupMap>(root, "lookups", readLookup);
    p.rules = readList<Rule>(root, "rules", readRule);
    p.phases = readList<Phase>(root, "phases", readPhase);
    p.settings = readSettings(root.raw("settings"));
    p.reconcile = readReconcile(root.raw("reconcile"));
    p.runbook = readList<RunbookStep>(root, "runbook", readStep);
    root.refuseUnknownKeys();
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
    } catch (const FormatError &e) {
        QString where = place(fileName, locator.positionOf(e.path));
        if (!e.path.isEmpty())
            where += QStringLiteral(" (%1)").arg(e.path);
        return Error(Error::Code::Parse, e.message, where);
    }
}

} // namespace cutover
