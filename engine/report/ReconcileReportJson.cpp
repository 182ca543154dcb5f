#include "report/ReconcileReportJson.h"

#include "core/JsonObjectReader.h"
#include "core/JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cutover {

namespace {

// Doubles hold integers exactly up to 2^53; a larger seed is written as a decimal string.
constexpr quint64 kExactDoubleLimit = quint64(1) << 53;

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

// The report words its errors briefly: "tables[1].missing expected a whole number".
JsonObjectReader objectAt(const QJsonValue &value, const QString &path)
{
    return JsonObjectReader(value, path, JsonObjectReader::Wording::Brief);
}

JsonObjectReader memberObject(const JsonObjectReader &parent, const QString &key)
{
    return objectAt(parent.value(key), parent.memberPath(key));
}

ReconcileStatus readStatus(const JsonObjectReader &f, const QString &key)
{
    const auto status = reconcileStatusFromName(f.requiredText(key));
    if (!status)
        throw JsonReadError{f.memberPath(key),
                            QStringLiteral("expected pass, needs_review or fail")};
    return *status;
}

template <typename T, typename Read>
QList<T> readList(const JsonObjectReader &parent, const QString &key, Read read)
{
    QList<T> result;
    const QJsonArray items = parent.requiredArray(key);
    for (qsizetype i = 0; i < items.size(); ++i)
        result.append(
            read(objectAt(items.at(i), JsonObjectReader::itemPath(parent.memberPath(key), i))));
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

ReconcileThresholds readThresholds(const JsonObjectReader &f)
{
    ReconcileThresholds t;
    t.maxMissing = f.requiredWholeNumber(QStringLiteral("maxMissing"));
    t.maxExtra = f.requiredWholeNumber(QStringLiteral("maxExtra"));
    t.maxModified = f.requiredWholeNumber(QStringLiteral("maxModified"));
    t.maxDuplicates = f.requiredWholeNumber(QStringLiteral("maxDuplicates"));
    t.maxOrphans = f.requiredWholeNumber(QStringLiteral("maxOrphans"));
    t.maxInvalid = f.requiredWholeNumber(QStringLiteral("maxInvalid"));
    t.maxQuarantinedRate = f.requiredNumber(QStringLiteral("maxQuarantinedRate"));
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

ColumnCompareOverride readOverride(const JsonObjectReader &f)
{
    ColumnCompareOverride o;
    if (!f.value(QStringLiteral("tolerance")).isUndefined())
        o.tolerance = f.requiredNumber(QStringLiteral("tolerance"));
    if (!f.value(QStringLiteral("precision")).isUndefined())
        o.precision = int(f.requiredWholeNumber(QStringLiteral("precision")));
    if (!f.value(QStringLiteral("ignoreCase")).isUndefined())
        o.ignoreCase = f.requiredFlag(QStringLiteral("ignoreCase"));
    if (!f.value(QStringLiteral("ignoreTrailingSpaces")).isUndefined())
        o.ignoreTrailingSpaces = f.requiredFlag(QStringLiteral("ignoreTrailingSpaces"));
    return o;
}

QJsonValue seedJson(quint64 seed)
{
    if (seed <= kExactDoubleLimit)
        return double(seed);
    return QString::number(seed);
}

quint64 readSeed(const JsonObjectReader &f)
{
    const QJsonValue v = f.value(QStringLiteral("seed"));
    bool ok = v.isString();
    const quint64 seed =
        ok ? v.toString().toULongLong(&ok) : quint64(f.requiredWholeNumber(QStringLiteral("seed")));
    if (v.isString() && !ok)
        throw JsonReadError{f.memberPath(QStringLiteral("seed")),
                            QStringLiteral("expected a whole number")};
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

ReconcileSettings readSettings(const JsonObjectReader &f)
{
    ReconcileSettings s;
    s.sampleRows = int(f.requiredWholeNumber(QStringLiteral("sampleRows")));
    s.seed = readSeed(f);
    s.thresholds = readThresholds(memberObject(f, QStringLiteral("thresholds")));
    const QJsonValue columns = f.value(QStringLiteral("columns"));
    if (columns.isUndefined())
        return s;
    const JsonObjectReader all = objectAt(columns, f.memberPath(QStringLiteral("columns")));
    for (const QString &name : columns.toObject().keys())
        s.columns.insert(name, readOverride(objectAt(all.value(name), all.memberPath(name))));
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

ColumnComparisonSummary readColumn(const JsonObjectReader &f)
{
    ColumnComparisonSummary c;
    c.column = f.requiredText(QStringLiteral("column"));
    c.type = f.requiredText(QStringLiteral("type"));
    c.rule = f.requiredText(QStringLiteral("rule"));
    c.differing = f.requiredWholeNumber(QStringLiteral("differing"));
    c.sensitive = f.requiredFlag(QStringLiteral("sensitive"));
    return c;
}

QJsonObject profileJson(const ColumnProfile &p)
{
    return {{QStringLiteral("column"), p.column},     {QStringLiteral("nulls"), p.nulls},
            {QStringLiteral("distinct"), p.distinct}, {QStringLiteral("min"), p.min},
            {QStringLiteral("max"), p.max},           {QStringLiteral("temporal"), p.temporal}};
}

ColumnProfile readProfile(const JsonObjectReader &f)
{
    ColumnProfile p;
    p.column = f.requiredText(QStringLiteral("column"));
    p.nulls = f.requiredWholeNumber(QStringLiteral("nulls"));
    p.distinct = f.requiredWholeNumber(QStringLiteral("distinct"));
    p.min = f.requiredText(QStringLiteral("min"));
    p.max = f.requiredText(QStringLiteral("max"));
    p.temporal = f.requiredFlag(QStringLiteral("temporal"));
    return p;
}

QJsonObject rowJson(const RowRef &r)
{
    return {{QStringLiteral("targetKey"), r.targetKey}, {QStringLiteral("sourceKey"), r.sourceKey}};
}

RowRef readRow(const JsonObjectReader &f)
{
    return {f.requiredText(QStringLiteral("targetKey")),
            f.requiredText(QStringLiteral("sourceKey"))};
}

QJsonObject modifiedJson(const ModifiedRow &m)
{
    QJsonObject json = rowJson(m.row);
    json.insert(QStringLiteral("columns"), strings(m.columns));
    json.insert(QStringLiteral("expected"), strings(m.expected));
    json.insert(QStringLiteral("actual"), strings(m.actual));
    return json;
}

ModifiedRow readModified(const JsonObjectReader &f)
{
    ModifiedRow m;
    m.row = readRow(f);
    m.columns = f.requiredTextList(QStringLiteral("columns"));
    m.expected = f.requiredTextList(QStringLiteral("expected"));
    m.actual = f.requiredTextList(QStringLiteral("actual"));
    return m;
}

QJsonObject duplicateJson(const DuplicateFinding &d)
{
    return {{QStringLiteral("columns"), d.columns},
            {QStringLiteral("rows"), d.rows},
            {QStringLiteral("samples"), strings(d.samples)}};
}

DuplicateFinding readDuplicate(const JsonObjectReader &f)
{
    return {f.requiredText(QStringLiteral("columns")),
            f.requiredWholeNumber(QStringLiteral("rows")),
            f.requiredTextList(QStringLiteral("samples"))};
}

QJsonObject orphanJson(const OrphanFinding &o)
{
    return {{QStringLiteral("columns"), o.columns},
            {QStringLiteral("parentTable"), o.parentTable},
            {QStringLiteral("parentColumns"), o.parentColumns},
            {QStringLiteral("rows"), o.rows},
            {QStringLiteral("samples"), strings(o.samples)}};
}

OrphanFinding readOrphan(const JsonObjectReader &f)
{
    return {f.requiredText(QStringLiteral("columns")),
            f.requiredText(QStringLiteral("parentTable")),
            f.requiredText(QStringLiteral("parentColumns")),
            f.requiredWholeNumber(QStringLiteral("rows")),
            f.requiredTextList(QStringLiteral("samples"))};
}

QJsonObject ruleJson(const RuleFinding &r)
{
    return {{QStringLiteral("rule"), r.rule},
            {QStringLiteral("column"), r.column},
            {QStringLiteral("rows"), r.rows},
            {QStringLiteral("samples"), strings(r.samples)}};
}

RuleFinding readRule(const JsonObjectReader &f)
{
    return {f.requiredText(QStringLiteral("rule")), f.requiredText(QStringLiteral("column")),
            f.requiredWholeNumber(QStringLiteral("rows")),
            f.requiredTextList(QStringLiteral("samples"))};
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

SampleRow readSample(const JsonObjectReader &f)
{
    SampleRow s;
    s.row = readRow(f);
    s.outcome = f.requiredText(QStringLiteral("outcome"));
    s.columns = f.requiredTextList(QStringLiteral("columns"));
    s.expected = f.requiredTextList(QStringLiteral("expected"));
    s.actual = f.requiredTextList(QStringLiteral("actual"));
    const QJsonArray equal = f.requiredArray(QStringLiteral("equal"));
    for (qsizetype i = 0; i < equal.size(); ++i) {
        if (!equal.at(i).isBool())
            throw f.wrongType(JsonObjectReader::itemPath(f.memberPath(QStringLiteral("equal")), i),
                              "true or false", equal.at(i));
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

std::optional<LedgerCheck> readLedger(const JsonObjectReader &parent)
{
    const QJsonValue v = parent.value(QStringLiteral("ledger"));
    if (v.isNull() || v.isUndefined())
        return std::nullopt;
    const JsonObjectReader f = objectAt(v, parent.memberPath(QStringLiteral("ledger")));
    LedgerCheck l;
    l.runId = f.requiredText(QStringLiteral("runId"));
    l.sourceRows = f.requiredWholeNumber(QStringLiteral("sourceRows"));
    l.loaded = f.requiredWholeNumber(QStringLiteral("loaded"));
    l.quarantined = f.requiredWholeNumber(QStringLiteral("quarantined"));
    l.skipped = f.requiredWholeNumber(QStringLiteral("skipped"));
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

void readCounts(const JsonObjectReader &f, TableReconciliation &t)
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
        t.*field = f.requiredWholeNumber(QLatin1String(key));
}

TableReconciliation readTable(const JsonObjectReader &f)
{
    TableReconciliation t;
    t.table = f.requiredText(QStringLiteral("table"));
    t.source = f.requiredText(QStringLiteral("source"));
    t.key = f.requiredTextList(QStringLiteral("key"));
    t.method = f.requiredText(QStringLiteral("method"));
    t.notes = f.requiredTextList(QStringLiteral("notes"));
    readCounts(f, t);
    t.columns = readList<ColumnComparisonSummary>(f, QStringLiteral("columns"), readColumn);
    const JsonObjectReader profiles = memberObject(f, QStringLiteral("profiles"));
    t.expectedProfiles = readList<ColumnProfile>(profiles, QStringLiteral("expected"), readProfile);
    t.targetProfiles = readList<ColumnProfile>(profiles, QStringLiteral("target"), readProfile);
    const JsonObjectReader samples = memberObject(f, QStringLiteral("samples"));
    t.missingSamples = readList<RowRef>(samples, QStringLiteral("missing"), readRow);
    t.extraSamples = readList<RowRef>(samples, QStringLiteral("extra"), readRow);
    t.modifiedSamples = readList<ModifiedRow>(samples, QStringLiteral("modified"), readModified);
    t.duplicates = readList<DuplicateFinding>(f, QStringLiteral("duplicates"), readDuplicate);
    t.orphans = readList<OrphanFinding>(f, QStringLiteral("orphans"), readOrphan);
    t.ruleViolations = readList<RuleFinding>(f, QStringLiteral("ruleViolations"), readRule);
    t.sample = readList<SampleRow>(f, QStringLiteral("sample"), readSample);
    t.ledger = readLedger(f);
    t.status = readStatus(f, QStringLiteral("status"));
    t.reasons = f.requiredTextList(QStringLiteral("reasons"));
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

ReconcileReport readReport(const JsonObjectReader &f)
{
    const qint64 version = f.requiredWholeNumber(QStringLiteral("formatVersion"));
    if (version < 1 || version > ReconcileReportJson::kFormatVersion)
        throw JsonReadError{f.memberPath(QStringLiteral("formatVersion")),
                            QStringLiteral("version %1 is not one this Cutover reads (up to %2)")
                                .arg(version)
                                .arg(ReconcileReportJson::kFormatVersion)};
    ReconcileReport r;
    r.reportId = f.requiredText(QStringLiteral("reportId"));
    r.project = f.requiredText(QStringLiteral("project"));
    r.runId = f.nullableText(QStringLiteral("runId"));
    r.createdAt =
        QDateTime::fromString(f.requiredText(QStringLiteral("createdAt")), Qt::ISODateWithMs);
    if (!r.createdAt.isValid())
        throw JsonReadError{f.memberPath(QStringLiteral("createdAt")),
                            QStringLiteral("expected an ISO 8601 date and time")};
    r.source = f.requiredText(QStringLiteral("source"));
    r.target = f.requiredText(QStringLiteral("target"));
    r.masked = f.requiredFlag(QStringLiteral("masked"));
    r.phases = f.nullableTextList(QStringLiteral("phases"));
    r.pendingPhases = f.nullableTextList(QStringLiteral("pendingPhases"));
    r.settings = readSettings(memberObject(f, QStringLiteral("settings")));
    r.tables = readList<TableReconciliation>(f, QStringLiteral("tables"), readTable);
    r.status = readStatus(f, QStringLiteral("status"));
    r.durationMs = f.requiredWholeNumber(QStringLiteral("durationMs"));
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
        return readReport(objectAt(object, QString()));
    } catch (const JsonReadError &bad) {
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
