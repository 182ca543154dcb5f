#include "report/ReconcileReportJson.h"

#include "core/JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cutover {

namespace {

// Doubles hold integers exactly up to 2^53; a larger seed is written as a decimal string.
constexpr quint64 kExactDoubleLimit = quint64(1) << 53;

struct BadField
{
    QString path;
    QString message;
};

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

// Reads one JSON object's fields, naming the field's path in errors.
class Fields
{
public:
    Fields(const QJsonValue &value, QString path)
        : m_path(std::move(path))
    {
        if (!value.isObject())
            throw BadField{m_path, QStringLiteral("expected an object")};
        m_object = value.toObject();
    }

    QString path(const QString &key) const
    {
        return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
    }
    QJsonValue raw(const QString &key) const { return m_object.value(key); }

    QString text(const QString &key) const
    {
        const QJsonValue v = need(key);
        if (!v.isString())
            throw BadField{path(key), QStringLiteral("expected a string")};
        return v.toString();
    }
    QString optionalText(const QString &key) const
    {
        const QJsonValue v = m_object.value(key);
        return v.isNull() || v.isUndefined() ? QString() : text(key);
    }
    qint64 count(const QString &key) const
    {
        const QJsonValue v = need(key);
        if (!v.isDouble() || v.toDouble() != double(qint64(v.toDouble())))
            throw BadField{path(key), QStringLiteral("expected a whole number")};
        return qint64(v.toDouble());
    }
    double number(const QString &key) const
    {
        const QJsonValue v = need(key);
        if (!v.isDouble())
            throw BadField{path(key), QStringLiteral("expected a number")};
        return v.toDouble();
    }
    bool flag(const QString &key) const
    {
        const QJsonValue v = need(key);
        if (!v.isBool())
            throw BadField{path(key), QStringLiteral("expected true or false")};
        return v.toBool();
    }
    QStringList list(const QString &key) const
    {
        QStringList result;
        const QJsonArray items = array(key);
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!items.at(i).isString())
                throw BadField{QStringLiteral("%1[%2]").arg(path(key)).arg(i),
                               QStringLiteral("expected a string")};
            result.append(items.at(i).toString());
        }
        return result;
    }
    QStringList optionalList(const QString &key) const
    {
        const QJsonValue v = m_object.value(key);
        return v.isNull() || v.isUndefined() ? QStringList() : list(key);
    }
    QJsonArray array(const QString &key) const
    {
        const QJsonValue v = need(key);
        if (!v.isArray())
            throw BadField{path(key), QStringLiteral("expected an array")};
        return v.toArray();
    }
    ReconcileStatus status(const QString &key) const
    {
        const auto s = reconcileStatusFromName(text(key));
        if (!s)
            throw BadField{path(key), QStringLiteral("expected pass, needs_review or fail")};
        return *s;
    }

private:
    QJsonValue need(const QString &key) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined())
            throw BadField{path(key), QStringLiteral("is missing")};
        return v;
    }

    QString m_path;
    QJsonObject m_object;
};

template <typename T, typename Read>
QList<T> readList(const Fields &parent, const QString &key, Read read)
{
    QList<T> result;
    const QJsonArray items = parent.array(key);
    for (qsizetype i = 0; i < items.size(); ++i)
        result.append(
            read(Fields(items.at(i), QStringLiteral("%1[%2]").arg(parent.path(key)).arg(i))));
    return result;
}

template <typename T, typename Write>
QJsonArray writeList(const QList<T> &items, Write write)
{
    QJsonArray result;
    for (const T &item : items)
        result.append(write(item));
    return result;
}

// Settings

QJsonObject thresholdsJson(const ReconcileThresholds &t)
{
    return {{QStringLiteral("maxMissing"), t.maxMissing},
            {QStringLiteral("maxExtra"), t.maxExtra},
            {QStringLiteral("maxModified"), t.maxModified},
            {QStringLiteral("maxDuplicates"), t.maxDuplicates},
            {QStringLiteral("maxOrphans"), t.maxOrphans},
            {QStringLiteral("maxInvalid"), t.maxInvalid},
            {QStringLiteral("maxQuarantinedRate"), t.maxQuarantinedRate}};
}

ReconcileThresholds readThresholds(const Fields &f)
{
    ReconcileThresholds t;
    t.maxMissing = f.count(QStringLiteral("maxMissing"));
    t.maxExtra = f.count(QStringLiteral("maxExtra"));
    t.maxModified = f.count(QStringLiteral("maxModified"));
    t.maxDuplicates = f.count(QStringLiteral("maxDuplicates"));
    t.maxOrphans = f.count(QStringLiteral("maxOrphans"));
    t.maxInvalid = f.count(QStringLiteral("maxInvalid"));
    t.maxQuarantinedRate = f.number(QStringLiteral("maxQuarantinedRate"));
    return t;
}

QJsonObject overrideJson(const ColumnCompareOverride &o)
{
    QJsonObject json;
    if (o.tolerance)
        json.insert(QStringLiteral("tolerance"), *o.tolerance);
    if (o.precision)
        json.insert(QStringLiteral("precision"), *o.precision);
    if (o.ignoreCase)
        json.insert(QStringLiteral("ignoreCase"), *o.ignoreCase);
    if (o.ignoreTrailingSpaces)
        json.insert(QStringLiteral("ignoreTrailingSpaces"), *o.ignoreTrailingSpaces);
    return json;
}

ColumnCompareOverride readOverride(const Fields &f)
{
    ColumnCompareOverride o;
    if (!f.raw(QStringLiteral("tolerance")).isUndefined())
        o.tolerance = f.number(QStringLiteral("tolerance"));
    if (!f.raw(QStringLiteral("precision")).isUndefined())
        o.precision = int(f.count(QStringLiteral("precision")));
    if (!f.raw(QStringLiteral("ignoreCase")).isUndefined())
        o.ignoreCase = f.flag(QStringLiteral("ignoreCase"));
    if (!f.raw(QStringLiteral("ignoreTrailingSpaces")).isUndefined())
        o.ignoreTrailingSpaces = f.flag(QStringLiteral("ignoreTrailingSpaces"));
    return o;
}

QJsonValue seedJson(quint64 seed)
{
    if (seed <= kExactDoubleLimit)
        return double(seed);
    return QString::number(seed);
}

quint64 readSeed(const Fields &f)
{
    const QJsonValue v = f.raw(QStringLiteral("seed"));
    bool ok = v.isString();
    const quint64 seed =
        ok ? v.toString().toULongLong(&ok) : quint64(f.count(QStringLiteral("seed")));
    if (v.isString() && !ok)
        throw BadField{f.path(QStringLiteral("seed")), QStringLiteral("expected a whole number")};
    return seed;
}

QJsonObject settingsJson(const ReconcileSettings &s)
{
    QJsonObject columns;
    for (auto it = s.columns.cbegin(); it != s.columns.cend(); ++it)
        columns.insert(it.key(), overrideJson(it.value()));
    return {{QStringLiteral("sampleRows"), s.sampleRows},
            {QStringLiteral("seed"), seedJson(s.seed)},
            {QStringLiteral("thresholds"), thresholdsJson(s.thresholds)},
            {QStringLiteral("columns"), columns}};
}

ReconcileSettings readSettings(const Fields &f)
{
    ReconcileSettings s;
    s.sampleRows = int(f.count(QStringLiteral("sampleRows")));
    s.seed = readSeed(f);
    s.thresholds = readThresholds(
        Fields(f.raw(QStringLiteral("thresholds")), f.path(QStringLiteral("thresholds"))));
    const QJsonValue columns = f.raw(QStringLiteral("columns"));
    if (columns.isUndefined())
        return s;
    const Fields all(columns, f.path(QStringLiteral("columns")));
    for (const QString &name : columns.toObject().keys())
        s.columns.insert(name, readOverride(Fields(all.raw(name), all.path(name))));
    return s;
}

// Tables

QJsonObject columnJson(const ColumnComparisonSummary &c)
{
    return {{QStringLiteral("column"), c.column},
            {QStringLiteral("type"), c.type},
            {QStringLiteral("rule"), c.rule},
            {QStringLiteral("differing"), c.differing},
            {QStringLiteral("sensitive"), c.sensitive}};
}

ColumnComparisonSummary readColumn(const Fields &f)
{
    ColumnComparisonSummary c;
    c.column = f.text(QStringLiteral("column"));
    c.type = f.text(QStringLiteral("type"));
    c.rule = f.text(QStringLiteral("rule"));
    c.differing = f.count(QStringLiteral("differing"));
    c.sensitive = f.flag(QStringLiteral("sensitive"));
    return c;
}

QJsonObject profileJson(const ColumnProfile &p)
{
    return {{QStringLiteral("column"), p.column},     {QStringLiteral("nulls"), p.nulls},
            {QStringLiteral("distinct"), p.distinct}, {QStringLiteral("min"), p.min},
            {QStringLiteral("max"), p.max},           {QStringLiteral("temporal"), p.temporal}};
}

ColumnProfile readProfile(const Fields &f)
{
    ColumnProfile p;
    p.column = f.text(QStringLiteral("column"));
    p.nulls = f.count(QStringLiteral("nulls"));
    p.distinct = f.count(QStringLiteral("distinct"));
    p.min = f.text(QStringLiteral("min"));
    p.max = f.text(QStringLiteral("max"));
    p.temporal = f.flag(QStringLiteral("temporal"));
    return p;
}

QJsonObject rowJson(const RowRef &r)
{
    return {{QStringLiteral("targetKey"), r.targetKey}, {QStringLiteral("sourceKey"), r.sourceKey}};
}

RowRef readRow(const Fields &f)
{
    return {f.text(QStringLiteral("targetKey")), f.text(QStringLiteral("sourceKey"))};
}

QJsonObject modifiedJson(const ModifiedRow &m)
{
    QJsonObject json = rowJson(m.row);
    json.insert(QStringLiteral("columns"), strings(m.columns));
    json.insert(QStringLiteral("expected"), strings(m.expected));
    json.insert(QStringLiteral("actual"), strings(m.actual));
    return json;
}

ModifiedRow readModified(const Fields &f)
{
    ModifiedRow m;
    m.row = readRow(f);
    m.columns = f.list(QStringLiteral("columns"));
    m.expected = f.list(QStringLiteral("expected"));
    m.actual = f.list(QStringLiteral("actual"));
    return m;
}

QJsonObject duplicateJson(const DuplicateFinding &d)
{
    return {{QStringLiteral("columns"), d.columns},
            {QStringLiteral("rows"), d.rows},
            {QStringLiteral("samples"), strings(d.samples)}};
}

DuplicateFinding readDuplicate(const Fields &f)
{
    return {f.text(QStringLiteral("columns")), f.count(QStringLiteral("rows")),
            f.list(QStringLiteral("samples"))};
}

QJsonObject orphanJson(const OrphanFinding &o)
{
    return {{QStringLiteral("columns"), o.columns},
            {QStringLiteral("parentTable"), o.parentTable},
            {QStringLiteral("parentColumns"), o.parentColumns},
            {QStringLiteral("rows"), o.rows},
            {QStringLiteral("samples"), strings(o.samples)}};
}

OrphanFinding readOrphan(const Fields &f)
{
    return {f.text(QStringLiteral("columns")), f.text(QStringLiteral("parentTable")),
            f.text(QStringLiteral("parentColumns")), f.count(QStringLiteral("rows")),
            f.list(QStringLiteral("samples"))};
}

QJsonObject ruleJson(const RuleFinding &r)
{
    return {{QStringLiteral("rule"), r.rule},
            {QStringLiteral("column"), r.column},
            {QStringLiteral("rows"), r.rows},
            {QStringLiteral("samples"), strings(r.samples)}};
}

RuleFinding readRule(const Fields &f)
{
    return {f.text(QStringLiteral("rule")), f.text(QStringLiteral("column")),
            f.count(QStringLiteral("rows")), f.list(QStringLiteral("samples"))};
}

QJsonObject sampleJson(const SampleRow &s)
{
    QJsonArray equal;
    for (bool e : s.equal)
        equal.append(e);
    QJsonObject json = rowJson(s.row);
    json.insert(QStringLiteral("outcome"), s.outcome);
    json.insert(QStringLiteral("columns"), strings(s.columns));
    json.insert(QStringLiteral("expected"), strings(s.expected));
    json.insert(QStringLiteral("actual"), strings(s.actual));
    json.insert(QStringLiteral("equal"), equal);
    return json;
}

SampleRow readSample(const Fields &f)
{
    SampleRow s;
    s.row = readRow(f);
    s.outcome = f.text(QStringLiteral("outcome"));
    s.columns = f.list(QStringLiteral("columns"));
    s.expected = f.list(QStringLiteral("expected"));
    s.actual = f.list(QStringLiteral("actual"));
    const QJsonArray equal = f.array(QStringLiteral("equal"));
    for (qsizetype i = 0; i < equal.size(); ++i) {
        if (!equal.at(i).isBool())
            throw BadField{QStringLiteral("%1[%2]").arg(f.path(QStringLiteral("equal"))).arg(i),
                           QStringLiteral("expected true or false")};
        s.equal.append(equal.at(i).toBool());
    }
    return s;
}

QJsonValue ledgerJson(const std::optional<LedgerCheck> &ledger)
{
    if (!ledger)
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("runId"), ledger->runId},
                       {QStringLiteral("sourceRows"), ledger->sourceRows},
                       {QStringLiteral("loaded"), ledger->loaded},
                       {QStringLiteral("quarantined"), ledger->quarantined},
                       {QStringLiteral("skipped"), ledger->skipped},
                       {QStringLiteral("balances"), ledger->balances()}};
}

std::optional<LedgerCheck> readLedger(const Fields &parent)
{
    const QJsonValue v = parent.raw(QStringLiteral("ledger"));
    if (v.isNull() || v.isUndefined())
        return std::nullopt;
    const Fields f(v, parent.path(QStringLiteral("ledger")));
    LedgerCheck l;
    l.runId = f.text(QStringLiteral("runId"));
    l.sourceRows = f.count(QStringLiteral("sourceRows"));
    l.loaded = f.count(QStringLiteral("loaded"));
    l.quarantined = f.count(QStringLiteral("quarantined"));
    l.skipped = f.count(QStringLiteral("skipped"));
    return l;
}

QJsonObject profilesJson(const TableReconciliation &t)
{
    return {{QStringLiteral("expected"), writeList(t.expectedProfiles, profileJson)},
            {QStringLiteral("target"), writeList(t.targetProfiles, profileJson)}};
}

QJsonObject samplesJson(const TableReconciliation &t)
{
    return {{QStringLiteral("missing"), writeList(t.missingSamples, rowJson)},
            {QStringLiteral("extra"), writeList(t.extraSamples, rowJson)},
            {QStringLiteral("modified"), writeList(t.modifiedSamples, modifiedJson)}};
}

QJsonObject countsOf(const TableReconciliation &t)
{
    return {{QStringLiteral("sourceRows"), t.sourceRows},
            {QStringLiteral("skipped"), t.skipped},
            {QStringLiteral("quarantined"), t.quarantined},
            {QStringLiteral("expectedRows"), t.expectedRows},
            {QStringLiteral("targetRows"), t.targetRows},
            {QStringLiteral("matched"), t.matched},
            {QStringLiteral("missing"), t.missing},
            {QStringLiteral("extra"), t.extra},
            {QStringLiteral("modified"), t.modified},
            {QStringLiteral("duplicateKeys"), t.duplicateKeys},
            {QStringLiteral("rowsTransferred"), t.rowsTransferred},
            {QStringLiteral("expectedNulls"), t.expectedNulls},
            {QStringLiteral("targetNulls"), t.targetNulls},
            {QStringLiteral("durationMs"), t.durationMs}};
}

QJsonObject tableJson(const TableReconciliation &t)
{
    QJsonObject json = countsOf(t);
    json.insert(QStringLiteral("table"), t.table);
    json.insert(QStringLiteral("source"), t.source);
    json.insert(QStringLiteral("key"), strings(t.key));
    json.insert(QStringLiteral("method"), t.method);
    json.insert(QStringLiteral("notes"), strings(t.notes));
    json.insert(QStringLiteral("duplicateRows"), t.duplicateRows());
    json.insert(QStringLiteral("orphanRows"), t.orphanRows());
    json.insert(QStringLiteral("invalidRows"), t.invalidRows());
    json.insert(QStringLiteral("columns"), writeList(t.columns, columnJson));
    json.insert(QStringLiteral("profiles"), profilesJson(t));
    json.insert(QStringLiteral("samples"), samplesJson(t));
    json.insert(QStringLiteral("duplicates"), writeList(t.duplicates, duplicateJson));
    json.insert(QStringLiteral("orphans"), writeList(t.orphans, orphanJson));
    json.insert(QStringLiteral("ruleViolations"), writeList(t.ruleViolations, ruleJson));
    json.insert(QStringLiteral("sample"), writeList(t.sample, sampleJson));
    json.insert(QStringLiteral("ledger"), ledgerJson(t.ledger));
    json.insert(QStringLiteral("status"), reconcileStatusName(t.status));
    json.insert(QStringLiteral("reasons"), strings(t.reasons));
    return json;
}

void readCounts(const Fields &f, TableReconciliation &t)
{
    for (auto [key, field] : {std::pair{"sourceRows", &TableReconciliation::sourceRows},
                              {"skipped", &TableReconciliation::skipped},
                              {"quarantined", &TableReconciliation::quarantined},
                              {"expectedRows", &TableReconciliation::expectedRows},
                              {"targetRows", &TableReconciliation::targetRows},
                              {"matched", &TableReconciliation::matched},
                              {"missing", &TableReconciliation::missing},
                              {"extra", &TableReconciliation::extra},
                              {"modified", &TableReconciliation::modified},
                              {"duplicateKeys", &TableReconciliation::duplicateKeys},
                              {"rowsTransferred", &TableReconciliation::rowsTransferred},
                              {"expectedNulls", &TableReconciliation::expectedNulls},
                              {"targetNulls", &TableReconciliation::targetNulls},
                              {"durationMs", &TableReconciliation::durationMs}})
        t.*field = f.count(QLatin1String(key));
}

TableReconciliation readTable(const Fields &f)
{
    TableReconciliation t;
    t.table = f.text(QStringLiteral("table"));
    t.source = f.text(QStringLiteral("source"));
    t.key = f.list(QStringLiteral("key"));
    t.method = f.text(QStringLiteral("method"));
    t.notes = f.list(QStringLiteral("notes"));
    readCounts(f, t);
    t.columns = readList<ColumnComparisonSummary>(f, QStringLiteral("columns"), readColumn);
    const Fields profiles(f.raw(QStringLiteral("profiles")), f.path(QStringLiteral("profiles")));
    t.expectedProfiles = readList<ColumnProfile>(profiles, QStringLiteral("expected"), readProfile);
    t.targetProfiles = readList<ColumnProfile>(profiles, QStringLiteral("target"), readProfile);
    const Fields samples(f.raw(QStringLiteral("samples")), f.path(QStringLiteral("samples")));
    t.missingSamples = readList<RowRef>(samples, QStringLiteral("missing"), readRow);
    t.extraSamples = readList<RowRef>(samples, QStringLiteral("extra"), readRow);
    t.modifiedSamples = readList<ModifiedRow>(samples, QStringLiteral("modified"), readModified);
    t.duplicates = readList<DuplicateFinding>(f, QStringLiteral("duplicates"), readDuplicate);
    t.orphans = readList<OrphanFinding>(f, QStringLiteral("orphans"), readOrphan);
    t.ruleViolations = readList<RuleFinding>(f, QStringLiteral("ruleViolations"), readRule);
    t.sample = readList<SampleRow>(f, QStringLiteral("sample"), readSample);
    t.ledger = readLedger(f);
    t.status = f.status(QStringLiteral("status"));
    t.reasons = f.list(QStringLiteral("reasons"));
    return t;
}

// Report

QJsonObject totalsJson(const ReconcileReport &r)
{
    qint64 duplicates = 0, orphans = 0, invalid = 0;
    QJsonObject byStatus{{reconcileStatusName(ReconcileStatus::Pass), 0},
                         {reconcileStatusName(ReconcileStatus::NeedsReview), 0},
                         {reconcileStatusName(ReconcileStatus::Fail), 0}};
    for (const TableReconciliation &t : r.tables) {
        duplicates += t.duplicateRows();
        orphans += t.orphanRows();
        invalid += t.invalidRows();
        const QString status = reconcileStatusName(t.status);
        byStatus.insert(status, byStatus.value(status).toInteger() + 1);
    }
    QJsonObject json{{QStringLiteral("tables"), r.tables.size()},
                     {QStringLiteral("duplicateRows"), duplicates},
                     {QStringLiteral("orphanRows"), orphans},
                     {QStringLiteral("invalidRows"), invalid},
                     {QStringLiteral("byStatus"), byStatus}};
    for (auto [key, field] : {std::pair{"sourceRows", &TableReconciliation::sourceRows},
                              {"skipped", &TableReconciliation::skipped},
                              {"quarantined", &TableReconciliation::quarantined},
                              {"expectedRows", &TableReconciliation::expectedRows},
                              {"targetRows", &TableReconciliation::targetRows},
                              {"matched", &TableReconciliation::matched},
                              {"missing", &TableReconciliation::missing},
                              {"extra", &TableReconciliation::extra},
                              {"modified", &TableReconciliation::modified},
                              {"duplicateKeys", &TableReconciliation::duplicateKeys},
                              {"expectedNulls", &TableReconciliation::expectedNulls},
                              {"targetNulls", &TableReconciliation::targetNulls}})
        json.insert(QLatin1String(key), r.total(field));
    return json;
}

ReconcileReport readReport(const Fields &f)
{
    const qint64 version = f.count(QStringLiteral("formatVersion"));
    if (version < 1 || version > ReconcileReportJson::kFormatVersion)
        throw BadField{f.path(QStringLiteral("formatVersion")),
                       QStringLiteral("version %1 is not one this Cutover reads (up to %2)")
                           .arg(version)
                           .arg(ReconcileReportJson::kFormatVersion)};
    ReconcileReport r;
    r.reportId = f.text(QStringLiteral("reportId"));
    r.project = f.text(QStringLiteral("project"));
    r.runId = f.optionalText(QStringLiteral("runId"));
    r.createdAt = QDateTime::fromString(f.text(QStringLiteral("createdAt")), Qt::ISODateWithMs);
    if (!r.createdAt.isValid())
        throw BadField{f.path(QStringLiteral("createdAt")),
                       QStringLiteral("expected an ISO 8601 date and time")};
    r.source = f.text(QStringLiteral("source"));
    r.target = f.text(QStringLiteral("target"));
    r.masked = f.flag(QStringLiteral("masked"));
    r.phases = f.optionalList(QStringLiteral("phases"));
    r.pendingPhases = f.optionalList(QStringLiteral("pendingPhases"));
    r.settings =
        readSettings(Fields(f.raw(QStringLiteral("settings")), QStringLiteral("settings")));
    r.tables = readList<TableReconciliation>(f, QStringLiteral("tables"), readTable);
    r.status = f.status(QStringLiteral("status"));
    r.durationMs = f.count(QStringLiteral("durationMs"));
    return r;
}

} // namespace

QJsonObject ReconcileReportJson::toJson(const ReconcileReport &report)
{
    QJsonObject json{
        {QStringLiteral("formatVersion"), kFormatVersion},
        {QStringLiteral("reportId"), report.reportId},
        {QStringLiteral("project"), report.project},
        {QStringLiteral("runId"), textOrNull(report.runId)},
        {QStringLiteral("createdAt"), report.createdAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("source"), report.source},
        {QStringLiteral("target"), report.target},
        {QStringLiteral("masked"), report.masked},
        {QStringLiteral("settings"), settingsJson(report.settings)},
        {QStringLiteral("totals"), totalsJson(report)},
        {QStringLiteral("tables"), writeList(report.tables, tableJson)},
        {QStringLiteral("status"), reconcileStatusName(report.status)},
        {QStringLiteral("durationMs"), report.durationMs}};
    if (!report.phases.isEmpty()) { // a report of the phases loaded so far
        json.insert(QStringLiteral("phases"), strings(report.phases));
        json.insert(QStringLiteral("pendingPhases"), strings(report.pendingPhases));
    }
    return json;
}

Result<ReconcileReport> ReconcileReportJson::fromJson(const QJsonObject &object)
{
    try {
        return readReport(Fields(object, QString()));
    } catch (const BadField &bad) {
        return Error(
            Error::Code::Parse,
            QStringLiteral("not a reconciliation report: %1 %2").arg(bad.path, bad.message),
            QString(), QStringLiteral("see docs/reconciliation-report.md"));
    }
}

QByteArray ReconcileReportJson::toBytes(const ReconcileReport &report)
{
    return JsonWriter(keyOrder()).write(toJson(report));
}

QByteArray ReconcileReportJson::toCompactBytes(const ReconcileReport &report)
{
    return QJsonDocument(toJson(report)).toJson(QJsonDocument::Compact);
}

Result<ReconcileReport> ReconcileReportJson::fromBytes(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Error(Error::Code::Parse,
                     QStringLiteral("not a reconciliation report: %1 at offset %2")
                         .arg(error.errorString())
                         .arg(error.offset));
    return fromJson(document.object());
}

QStringList ReconcileReportJson::keyOrder()
{
    return {QStringLiteral("formatVersion"), QStringLiteral("reportId"),
            QStringLiteral("table"),         QStringLiteral("project"),
            QStringLiteral("runId"),         QStringLiteral("createdAt"),
            QStringLiteral("source"),        QStringLiteral("target"),
            QStringLiteral("masked"),        QStringLiteral("phases"),
            QStringLiteral("pendingPhases"), QStringLiteral("status"),
            QStringLiteral("durationMs"),    QStringLiteral("settings"),
            QStringLiteral("totals"),        QStringLiteral("method"),
            QStringLiteral("key"),           QStringLiteral("sourceRows"),
            QStringLiteral("skipped"),       QStringLiteral("quarantined"),
            QStringLiteral("expectedRows"),  QStringLiteral("targetRows"),
            QStringLiteral("matched"),       QStringLiteral("missing"),
            QStringLiteral("extra"),         QStringLiteral("modified"),
            QStringLiteral("reasons"),       QStringLiteral("column"),
            QStringLiteral("targetKey"),     QStringLiteral("sourceKey"),
            QStringLiteral("tables")};
}

} // namespace cutover
