#include "ReportFixture.h"
#include "report/HtmlReportCharts.h"
#include "report/HtmlReportWriter.h"
#include "report/MarkdownReportWriter.h"
#include "report/ReconcileReportJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace cutover;
using cutover::test::ReportFixture;

namespace {

// Just enough of JSON Schema for docs/reconciliation-report.schema.json: $ref into $defs,
// type, required, properties, additionalProperties, items, enum, const and oneOf.
class SchemaCheck
{
public:
    explicit SchemaCheck(QJsonObject root)
        : m_root(std::move(root))
    {}

    QStringList check(const QJsonValue &value) const
    {
        return check(value, m_root, QStringLiteral("$"));
    }

private:
    QJsonObject resolve(const QJsonObject &schema) const
    {
        const QString ref = schema.value(QStringLiteral("$ref")).toString();
        if (ref.isEmpty())
            return schema;
        return m_root.value(QStringLiteral("$defs"))
            .toObject()
            .value(ref.section(QLatin1Char('/'), -1))
            .toObject();
    }

    static bool hasType(const QJsonValue &value, const QString &type)
    {
        if (type == QLatin1String("object"))
            return value.isObject();
        if (type == QLatin1String("array"))
            return value.isArray();
        if (type == QLatin1String("string"))
            return value.isString();
        if (type == QLatin1String("boolean"))
            return value.isBool();
        if (type == QLatin1String("null"))
            return value.isNull();
        if (type == QLatin1String("number"))
            return value.isDouble();
        if (type == QLatin1String("integer"))
            return value.isDouble() && value.toDouble() == double(qint64(value.toDouble()));
        return false;
    }

    QStringList checkType(const QJsonValue &value, const QJsonObject &schema,
                          const QString &path) const
    {
        const QJsonValue type = schema.value(QStringLiteral("type"));
        if (type.isUndefined())
            return {};
        const QJsonArray types = type.isArray() ? type.toArray() : QJsonArray{type};
        for (const QJsonValue &t : types)
            if (hasType(value, t.toString()))
                return {};
        return {path + QStringLiteral(": not of type ") +
                QString::fromUtf8(QJsonDocument(types).toJson(QJsonDocument::Compact))};
    }

    QStringList checkObject(const QJsonObject &object, const QJsonObject &schema,
                            const QString &path) const
    {
        QStringList errors;
        for (const QJsonValue &key : schema.value(QStringLiteral("required")).toArray())
            if (!object.contains(key.toString()))
                errors.append(path + QStringLiteral(": lacks required ") + key.toString());
        const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
        const QJsonValue additional = schema.value(QStringLiteral("additionalProperties"));
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString child = path + QLatin1Char('.') + it.key();
            if (properties.contains(it.key()))
                errors += check(it.value(), properties.value(it.key()).toObject(), child);
            else if (additional.isBool() && !additional.toBool())
                errors.append(child + QStringLiteral(": not in the schema"));
            else if (additional.isObject())
                errors += check(it.value(), additional.toObject(), child);
        }
        return errors;
    }

    QStringList check(const QJsonValue &value, const QJsonObject &schemaOrRef,
                      const QString &path) const
    {
        const QJsonObject schema = resolve(schemaOrRef);
        if (schema.contains(QStringLiteral("oneOf"))) {
            int valid = 0;
            for (const QJsonValue &option : schema.value(QStringLiteral("oneOf")).toArray())
                valid += check(value, option.toObject(), path).isEmpty() ? 1 : 0;
            return valid == 1 ? QStringList() : QStringList{path + QStringLiteral(": not oneOf")};
        }
        QStringList errors = checkType(value, schema, path);
        if (schema.contains(QStringLiteral("enum")) &&
            !schema.value(QStringLiteral("enum")).toArray().contains(value))
            errors.append(path + QStringLiteral(": not one of the enum"));
        if (schema.contains(QStringLiteral("const")) &&
            schema.value(QStringLiteral("const")) != value)
            errors.append(path + QStringLiteral(": not the const"));
        if (value.isObject())
            errors += checkObject(value.toObject(), schema, path);
        if (value.isArray() && schema.contains(QStringLiteral("items"))) {
            const QJsonArray items = value.toArray();
            for (qsizetype i = 0; i < items.size(); ++i)
                errors += check(items.at(i), schema.value(QStringLiteral("items")).toObject(),
                                QStringLiteral("%1[%2]").arg(path).arg(i));
        }
        return errors;
    }

    QJsonObject m_root;
};

// value at the path ("tables", "0", "key"), or the member removed when value is undefined.
QJsonValue changed(const QJsonValue &json, QStringList path, const QJsonValue &value)
{
    const QString step = path.takeFirst();
    if (json.isArray()) {
        QJsonArray array = json.toArray();
        const qsizetype i = step.toLongLong();
        array.replace(i, path.isEmpty() ? value : changed(array.at(i), path, value));
        return array;
    }
    QJsonObject object = json.toObject();
    if (path.isEmpty() && value.isUndefined())
        object.remove(step);
    else
        object.insert(step, path.isEmpty() ? value : changed(object.value(step), path, value));
    return object;
}

QJsonObject schema()
{
    QFile file(QStringLiteral(CUTOVER_SOURCE_DIR "/docs/reconciliation-report.schema.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the schema");
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

// The report's exports without a database: JSON (round trip, the documented schema), HTML and
// Markdown (content, escaping, masking).
class TestReconcileReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonRoundTripIsExact()
    {
        const ReconcileReport report = ReportFixture::report();
        const QJsonObject json = ReconcileReportJson::toJson(report);
        auto back = ReconcileReportJson::fromJson(json);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
        // toJson writes every field, so equal JSON means nothing was lost either way.
        QCOMPARE(ReconcileReportJson::toJson(*back), json);
        QCOMPARE(back->settings, report.settings);
        QCOMPARE(back->settings.seed, 9007199254740993ULL);
        QCOMPARE(back->createdAt, report.createdAt);
        QCOMPARE(back->tables.size(), 2);
        const TableReconciliation &t = back->tables.at(1);
        QCOMPARE(t.modifiedSamples.first().expected.first(), QStringLiteral("Ada | Lovelace"));
        QCOMPARE(t.sample.at(1).equal, (QList<bool>{true, false}));
        QVERIFY(t.ledger && t.ledger->balances());
        QVERIFY(!back->tables.at(0).ledger);
        auto bytes = ReconcileReportJson::fromBytes(ReconcileReportJson::toBytes(report));
        QVERIFY(bytes.ok());
        QCOMPARE(ReconcileReportJson::toJson(*bytes), json);
    }

    void jsonHasTheIssuesFields()
    {
        const QJsonObject json = ReconcileReportJson::toJson(ReportFixture::report());
        QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("fail"));
        QCOMPARE(json.value(QStringLiteral("createdAt")).toString(),
                 QStringLiteral("2024-05-17T09:30:15.250Z"));
        const QJsonObject t = json.value(QStringLiteral("tables")).toArray().at(1).toObject();
        for (const char *key :
             {"table", "sourceRows", "expectedRows", "targetRows", "matched", "missing", "extra",
              "modified", "quarantined", "skipped", "status", "reasons"})
            QVERIFY2(t.contains(QLatin1String(key)), key);
        QCOMPARE(t.value(QStringLiteral("missing")).toInt(), 3);
        QCOMPARE(t.value(QStringLiteral("status")).toString(), QStringLiteral("fail"));
        const QJsonObject totals = json.value(QStringLiteral("totals")).toObject();
        QCOMPARE(totals.value(QStringLiteral("matched")).toInt(), 1035);
        QCOMPARE(totals.value(QStringLiteral("byStatus"))
                     .toObject()
                     .value(QStringLiteral("fail"))
                     .toInt(),
                 1);
    }

    void jsonMatchesTheSchema()
    {
        const QJsonObject s = schema();
        const QStringList errors =
            SchemaCheck(s).check(ReconcileReportJson::toJson(ReportFixture::report()));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        // An empty report too (no tables, no run).
        ReconcileReport empty;
        empty.reportId = QStringLiteral("x");
        empty.createdAt = QDateTime::currentDateTimeUtc();
        QVERIFY(SchemaCheck(s).check(ReconcileReportJson::toJson(empty)).isEmpty());
        // The check itself bites: a missing required field is found.
        QJsonObject broken = ReconcileReportJson::toJson(ReportFixture::report());
        broken.remove(QStringLiteral("status"));
        QVERIFY(!SchemaCheck(s).check(broken).isEmpty());
        const QJsonArray required = s.value(QStringLiteral("$defs"))
                                        .toObject()
                                        .value(QStringLiteral("table"))
                                        .toObject()
                                        .value(QStringLiteral("required"))
                                        .toArray();
        for (const char *key : {"table", "sourceRows", "expectedRows", "targetRows", "matched",
                                "missing", "extra", "modified", "quarantined", "status"})
            QVERIFY2(required.contains(QLatin1String(key)), key);
    }

    // A report made while some phases are loaded keeps its scope through JSON, the schema
    // allows it, and every export says which rows were expected.
    void phaseScopeIsKeptAndShown()
    {
        ReconcileReport report = ReportFixture::report();
        QVERIFY(!ReconcileReportJson::toJson(report).contains(QStringLiteral("phases")));
        QVERIFY(MarkdownReportWriter().write(report).contains(
            QStringLiteral("| Expected rows of | the whole project |")));
        report.phases = {QStringLiteral("reference-data"), QStringLiteral("wave-1")};
        report.pendingPhases = {QStringLiteral("wave-2")};
        const QJsonObject json = ReconcileReportJson::toJson(report);
        const QStringList errors = SchemaCheck(schema()).check(json);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        auto back = ReconcileReportJson::fromJson(json);
        QVERIFY(back.ok());
        QCOMPARE(back->phases, report.phases);
        QCOMPARE(back->pendingPhases, report.pendingPhases);
        const QString scope =
            QStringLiteral("phases reference-data, wave-1 (wave-2 not loaded yet)");
        QVERIFY(MarkdownReportWriter().write(report).contains(scope));
        QVERIFY(HtmlReportWriter().write(report).contains(scope));
    }

    void badJsonIsRefusedWithThePlace()
    {
        QJsonObject json = ReconcileReportJson::toJson(ReportFixture::report());
        QJsonArray tables = json.value(QStringLiteral("tables")).toArray();
        QJsonObject t = tables.at(1).toObject();
        t.insert(QStringLiteral("missing"), QStringLiteral("three"));
        tables.replace(1, t);
        json.insert(QStringLiteral("tables"), tables);
        auto read = ReconcileReportJson::fromJson(json);
        QVERIFY(!read.ok());
        QVERIFY2(read.error().message().contains(QStringLiteral("tables[1].missing")),
                 qPrintable(read.error().message()));
        json.insert(QStringLiteral("formatVersion"), 99);
        QVERIFY(!ReconcileReportJson::fromJson(json).ok());
        QVERIFY(!ReconcileReportJson::fromBytes("{not json").ok());
    }

    void refusalsNameThePlaceAndTheProblem_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("message");
        const QJsonValue gone(QJsonValue::Undefined);
        QTest::newRow("text of another type")
            << "reportId" << QJsonValue(5) << "reportId expected a string";
        QTest::newRow("missing") << "status" << gone << "status is missing";
        QTest::newRow("missing deep inside")
            << "tables/1/reasons" << gone << "tables[1].reasons is missing";
        QTest::newRow("not an object")
            << "settings" << QJsonValue(QJsonArray()) << "settings expected an object";
        QTest::newRow("an item not an object")
            << "tables/1" << QJsonValue(QStringLiteral("x")) << "tables[1] expected an object";
        QTest::newRow("count not a number")
            << "tables/1/missing" << QJsonValue(QStringLiteral("three"))
            << "tables[1].missing expected a whole number";
        QTest::newRow("count not whole")
            << "tables/1/missing" << QJsonValue(1.5) << "tables[1].missing expected a whole number";
        QTest::newRow("number of another type")
            << "settings/thresholds/maxQuarantinedRate" << QJsonValue(QStringLiteral("x"))
            << "settings.thresholds.maxQuarantinedRate expected a number";
        QTest::newRow("flag of another type")
            << "masked" << QJsonValue(QStringLiteral("no")) << "masked expected true or false";
        QTest::newRow("list item of another type")
            << "tables/0/key" << QJsonValue(QJsonArray{1}) << "tables[0].key[0] expected a string";
        QTest::newRow("array of another type")
            << "tables/0/notes" << QJsonValue(QStringLiteral("x"))
            << "tables[0].notes expected an array";
        QTest::newRow("nullable text of another type")
            << "runId" << QJsonValue(3) << "runId expected a string";
        QTest::newRow("nullable list of another type")
            << "phases" << QJsonValue(3) << "phases expected an array";
        QTest::newRow("a sample's equal not a flag")
            << "tables/1/sample/1/equal/1" << QJsonValue(QStringLiteral("yes"))
            << "tables[1].sample[1].equal[1] expected true or false";
        QTest::newRow("ledger not an object")
            << "tables/1/ledger" << QJsonValue(5) << "tables[1].ledger expected an object";
        QTest::newRow("status unknown") << "tables/0/status" << QJsonValue(QStringLiteral("great"))
                                        << "tables[0].status expected pass, needs_review or fail";
        QTest::newRow("seed text not a number")
            << "settings/seed" << QJsonValue(QStringLiteral("abc"))
            << "settings.seed expected a whole number";
        QTest::newRow("newer format") << "formatVersion" << QJsonValue(99)
                                      << "formatVersion version 99 is not one this Cutover reads "
                                         "(up to 1)";
        QTest::newRow("time not ISO 8601") << "createdAt" << QJsonValue(QStringLiteral("yesterday"))
                                           << "createdAt expected an ISO 8601 date and time";
    }
    void refusalsNameThePlaceAndTheProblem()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, message);
        const QJsonObject json = ReconcileReportJson::toJson(ReportFixture::report());
        QVERIFY(ReconcileReportJson::fromJson(json).ok());
        auto read = ReconcileReportJson::fromJson(
            changed(json, path.split(QLatin1Char('/')), value).toObject());
        QVERIFY(!read.ok());
        QCOMPARE(read.error().message(), QStringLiteral("not a reconciliation report: ") + message);
        QCOMPARE(read.error().hint(), QStringLiteral("see docs/reconciliation-report.md"));
    }
    // Members read as empty when null or left out; members no reader asks for are let be.
    void nullableAndUnknownMembersAreRead()
    {
        QJsonObject json = ReconcileReportJson::toJson(ReportFixture::report());
        json.insert(QStringLiteral("runId"), QJsonValue::Null);
        json.remove(QStringLiteral("phases"));
        json.insert(QStringLiteral("addedLater"), true);
        auto read = ReconcileReportJson::fromJson(json);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toString()));
        QVERIFY(read->runId.isEmpty());
        QVERIFY(read->phases.isEmpty());
    }

    void htmlHasTheTemplatesContent()
    {
        const QString html = HtmlReportWriter().write(ReportFixture::report());
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        for (const QString &expected :
             {QStringLiteral("Migration Reconciliation Report"),
              QStringLiteral("2024-05-17 09:30:15 UTC"),
              QStringLiteral("5e6f7a8b-0000-4000-8000-000000000001"),
              QStringLiteral("Missing records"),
              QStringLiteral("Extra records"),
              QStringLiteral("Modified records"),
              QStringLiteral("Null values"),
              QStringLiteral("17 <span class=\"muted\">(expected: 16)</span>"),
              QStringLiteral("Duplicates"),
              QStringLiteral("Invalid data"),
              QStringLiteral("1931-02-03 to 2023-06-30T17:00:00Z"),
              QStringLiteral("1,012"),
              QStringLiteral("1,003"),
              QStringLiteral("class=\"badge fail\""),
              QStringLiteral("within 0.005"),
              QStringLiteral("email_format"),
              QStringLiteral("practitioner(id)"),
              QStringLiteral("seed 9007199254740993"),
              QStringLiteral("3 rows missing (at most 0 allowed)"),
              QStringLiteral("keys remapped through the key crosswalk"),
              QStringLiteral("1,012 = 1,003 loaded + 7 quarantined + 2 skipped")})
            QVERIFY2(html.contains(expected), qPrintable(expected));
        QVERIFY(html.contains(QStringLiteral("<svg")));
        QVERIFY(html.contains(QStringLiteral("@media print")));
        QVERIFY(html.contains(QStringLiteral("page-break-before:always")));
        // Self-contained: no scripts, no external resources.
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(!html.contains(QStringLiteral("src=")));
        QVERIFY(!html.contains(QStringLiteral("<link")));
    }

    // Null values have no threshold: as many as the mapping produces pass, and the box says no
    // "acceptable" for them. A threshold holds for each table, and says so.
    void dataQualityShowsTheRealThresholds()
    {
        ReconcileReport report = ReportFixture::report();
        report.settings.thresholds.maxDuplicates = 2;
        for (TableReconciliation &t : report.tables) {
            t.expectedNulls = 2177;
            t.targetNulls = 2177;
        }
        report.tables[0].duplicates = {{QStringLiteral("id"), 3, {}}};
        report.tables[1].duplicates = {};
        const QString html = HtmlReportWriter().write(report);
        QVERIFY2(html.contains(QStringLiteral("4,354 <span class=\"ok\">\u2713</span>")),
                 qPrintable(html));
        QVERIFY(!html.contains(QStringLiteral("acceptable: 4,354")));
        QVERIFY(!html.contains(QStringLiteral("acceptable: 2,177")));
        // 3 duplicates in one table are over its 2, whatever the sum of the thresholds.
        QVERIFY(html.contains(QStringLiteral(
            "3 <span class=\"muted\">(acceptable: 2 per table)</span> <span class=\"bad\">")));
        const QString md = MarkdownReportWriter().write(report);
        QVERIFY2(md.contains(QStringLiteral("- Null values: 4,354 \u2713")), qPrintable(md));
        QVERIFY(md.contains(QStringLiteral("- Duplicates: 3 (acceptable: 2 per table) \u2717")));
    }

    void htmlEscapesValues()
    {
        ReconcileReport report = ReportFixture::report();
        report.masked = false;
        const QString html = HtmlReportWriter().write(report);
        QVERIFY(!html.contains(QStringLiteral("<script>alert(1)</script>")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;")));
        QVERIFY(html.contains(QStringLiteral("demo &lt;clinic&gt;")));
        QVERIFY(!html.contains(QStringLiteral("demo <clinic>")));
    }

    void htmlMasksSensitiveValues()
    {
        ReconcileReport report = ReportFixture::report();
        const QString masked = HtmlReportWriter().write(report);
        QVERIFY(!masked.contains(QStringLiteral("eve@example.org")));
        QVERIFY(!masked.contains(QStringLiteral("not-an-email")));
        QVERIFY(!masked.contains(QStringLiteral("z@example.org"))); // profile max of email
        QVERIFY(masked.contains(QString::fromUtf16(ReportFacts::kMask)));
        QVERIFY(masked.contains(QStringLiteral("Ada | Lovelace"))); // name is not sensitive
        report.masked = false;
        const QString plain = HtmlReportWriter().write(report);
        QVERIFY(plain.contains(QStringLiteral("eve@example.org")));
        QVERIFY(plain.contains(QStringLiteral("shown unmasked")));
    }

    void htmlShowsTheChangeSincePrevious()
    {
        ReconcileReport before = ReportFixture::report();
        before.reportId = QStringLiteral("00000000-prev");
        before.tables[1].missing = 0;
        before.tables[1].status = ReconcileStatus::Pass;
        const ReportComparison comparison(before);
        const QString html = HtmlReportWriter().write(ReportFixture::report(), comparison);
        QVERIFY(html.contains(QStringLiteral("Since previous report")));
        QVERIFY(html.contains(QStringLiteral("missing +3, was Pass")));
        QVERIFY(html.contains(QStringLiteral("(was 0, +3)")));
        QVERIFY(html.contains(QStringLiteral("00000000")));
    }

    void richTextHasNoSvg()
    {
        const QString html =
            HtmlReportWriter(HtmlReportWriter::Flavour::RichText).write(ReportFixture::report());
        QVERIFY(!html.contains(QStringLiteral("<svg")));
        QVERIFY(html.contains(QStringLiteral("bgcolor=")));
        QVERIFY(html.contains(QStringLiteral("page-break-before: always")));
    }

    void barWidthsKeepSmallSharesVisible()
    {
        TableReconciliation t;
        t.matched = 1000000;
        t.missing = 3;
        const QList<int> w = HtmlReportCharts::widths(HtmlReportCharts::segments(t), 400, 3);
        QCOMPARE(w.at(2), 3);
        QCOMPARE(w.at(0) + w.at(2), 400);
        QCOMPARE(w.at(1), 0);
        const QList<int> empty =
            HtmlReportCharts::widths(HtmlReportCharts::segments(TableReconciliation()), 400, 3);
        QCOMPARE(empty, QList<int>(5, 0));
    }

    void markdownHasTables()
    {
        const QString md = MarkdownReportWriter().write(ReportFixture::report());
        QVERIFY(md.startsWith(
            QStringLiteral("# Migration Reconciliation Report: demo &lt;clinic&gt;")));
        QVERIFY(md.contains(QStringLiteral("Status: **FAIL**")));
        QVERIFY(
            md.contains(QStringLiteral("| Table | Status | Source | Expected | Target | Matched | "
                                       "Missing | Extra | Modified | Quarantined | Skipped |")));
        QVERIFY(md.contains(QStringLiteral("|---|---|--:|--:|")));
        QVERIFY(
            md.contains(QStringLiteral("| patient | **FAIL** | 1,012 | 1,003 | 1,001 | 995 | 3 | 1 "
                                       "| 5 | 7 | 2 |")));
        QVERIFY(md.contains(QStringLiteral("- Null values: 17 (expected: 16) \u2717")));
        QVERIFY(md.contains(QStringLiteral("## patient \u2014 **FAIL**")));
        // A '|' in a value cannot break the table; markup cannot get through.
        QVERIFY(md.contains(QStringLiteral("Ada \\| Lovelace")));
        QVERIFY(!md.contains(QStringLiteral("<script>")));
        QVERIFY(!md.contains(QStringLiteral("eve@example.org")));
        // Every table row has as many cells as its header.
        int columns = -1;
        for (const QString &line : md.split(QLatin1Char('\n'))) {
            if (!line.startsWith(QLatin1Char('|'))) {
                columns = -1;
                continue;
            }
            const int cells =
                int(line.count(QRegularExpression(QStringLiteral("(?<!\\\\)\\|")))) - 1;
            if (columns < 0)
                columns = cells;
            QVERIFY2(cells == columns, qPrintable(line));
        }
    }

    void markdownEscaping()
    {
        QCOMPARE(MarkdownReportWriter::escape(QStringLiteral("a|b*c_<d>\n")),
                 QStringLiteral("a\\|b\\*c\\_&lt;d&gt; "));
        QCOMPARE(MarkdownReportWriter::code(QStringLiteral("P-42")), QStringLiteral("`P-42`"));
        QCOMPARE(MarkdownReportWriter::code(QStringLiteral("a|b")), QStringLiteral("a\\|b"));
    }
};

QTEST_GUILESS_MAIN(TestReconcileReport)
#include "tst_reconcilereport.moc"
