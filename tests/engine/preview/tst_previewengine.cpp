#include "demo/DemoGenerator.h"
#include "preview/PreviewEngine.h"
#include "project/ProjectReader.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using Status = PreviewResult::CellStatus;

namespace {
template <typename T>
QString why(const Result<T> &result)
{
    return result ? QString() : result.error().toString();
}
} // namespace

// PreviewEngine on the demo (200 patients): the dirty rows show the statuses a person expects.
// The demo forces one of each kind of dirt on an early patient (DemoDirt's showcase slots).
class TstPreviewEngine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Project m_project;

    Result<PreviewResult> preview(const QString &table, const SampleSpec &spec,
                                  const Project *project = nullptr)
    {
        PreviewEngine engine;
        return engine.run(project ? *project : m_project, table, spec);
    }
    static int column(const PreviewResult &r, const QString &name)
    {
        for (int i = 0; i < r.targetColumns.size(); ++i)
            if (r.targetColumns.at(i).name == name)
                return i;
        return -1;
    }
    static const PreviewResult::Row *rowWhere(const PreviewResult &r, const QString &sourceColumn,
                                              const std::function<bool(const QVariant &)> &test)
    {
        const qsizetype at = r.sourceColumns.indexOf(sourceColumn);
        for (const PreviewResult::Row &row : r.rows)
            if (test(row.source.value(at)))
                return &row;
        return nullptr;
    }
    static bool hasViolation(const PreviewResult::Row &row, const QString &column,
                             const QString &source)
    {
        for (const Violation &v : row.violations)
            if (v.column == column && v.source == source)
                return true;
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        DemoGenerator::Options options;
        options.directory = m_dir.path();
        options.patients = 200;
        auto made = DemoGenerator::generate(options);
        QVERIFY2(made, qPrintable(why(made)));
        auto project =
            ProjectReader::load(QDir(m_dir.path()).filePath(DemoGenerator::projectFileName()));
        QVERIFY2(project, qPrintable(why(project)));
        m_project = *project;
    }

    void shapeAndLineage()
    {
        auto r = preview(QStringLiteral("patient"), SampleSpec::first(40));
        QVERIFY2(r, qPrintable(why(r)));
        QCOMPARE(r->rows.size(), 40);
        QCOMPARE(r->targetColumns.size(),
                 m_project.mapping(QStringLiteral("patient"))->columns.size());
        QVERIFY(r->sourceColumns.contains(QStringLiteral("PAT_NAME")));
        const int fullName = column(*r, QStringLiteral("full_name"));
        QCOMPARE(r->targetColumns.at(fullName).lineage, QStringList{QStringLiteral("PAT_NAME")});
        QVERIFY(!r->targetColumns.at(fullName).type.isEmpty());
        QVERIFY(r->targetColumns.at(column(*r, QStringLiteral("email"))).sensitive);
        for (const PreviewResult::Row &row : r->rows) {
            QCOMPARE(row.source.size(), r->sourceColumns.size());
            QCOMPARE(row.target.size(), r->targetColumns.size());
            QCOMPARE(row.cells.size(), r->targetColumns.size());
        }
    }

    void dirtyRowsShowTheirStatus()
    {
        auto r = preview(QStringLiteral("patient"), SampleSpec::first(40));
        QVERIFY2(r, qPrintable(why(r)));
        const int fullName = column(*r, QStringLiteral("full_name"));
        const int legacyId = column(*r, QStringLiteral("legacy_id"));
        const int status = column(*r, QStringLiteral("status"));

        // A copied key is unchanged.
        QCOMPARE(r->rows.first().cells.at(legacyId).status, Status::Unchanged);

        // Stray whitespace in a name is cleaned: Changed, not a violation.
        const auto *spaced = rowWhere(*r, QStringLiteral("PAT_NAME"), [](const QVariant &v) {
            return !v.isNull() && v.toString().contains(QStringLiteral("  "));
        });
        QVERIFY(spaced);
        QCOMPARE(spaced->cells.at(fullName).status, Status::Changed);
        QVERIFY(!spaced->target.at(fullName).toString().contains(QStringLiteral("  ")));

        // A NULL in a required column is a violation that blocks the row.
        const auto *nameless =
            rowWhere(*r, QStringLiteral("PAT_NAME"), [](const QVariant &v) { return v.isNull(); });
        QVERIFY(nameless);
        QCOMPARE(nameless->cells.at(fullName).status, Status::Violation);
        QVERIFY(nameless->blocked);
        QVERIFY(hasViolation(*nameless, QStringLiteral("full_name"),
                             QStringLiteral("patient-name-required")));

        // A retired status code is missing from the lookup: a lookup violation.
        const auto *merged = rowWhere(*r, QStringLiteral("STATUS"), [](const QVariant &v) {
            return v.toString() == QLatin1String("M");
        });
        QVERIFY(merged);
        QCOMPARE(merged->cells.at(status).status, Status::Violation);
        QVERIFY(hasViolation(*merged, QStringLiteral("status"), QStringLiteral("lookup")));
        QVERIFY(merged->cells.at(status).note.contains(QStringLiteral("'M'")));

        // Clean rows pass, so not every row is blocked.
        QVERIFY(r->blockedRows() > 0);
        QVERIFY(r->blockedRows() < r->rows.size());
    }

    void dstGapGivesToUtcViolation()
    {
        auto r =
            preview(QStringLiteral("encounter"),
                    SampleSpec::matching(QStringLiteral("VISIT_TS LIKE '____-03-__ 02:%'"), 50));
        QVERIFY2(r, qPrintable(why(r)));
        QVERIFY(!r->rows.isEmpty());
        const int started = column(*r, QStringLiteral("started_at"));
        for (const PreviewResult::Row &row : r->rows) {
            QCOMPARE(row.cells.at(started).status, Status::Violation);
            QVERIFY(hasViolation(row, QStringLiteral("started_at"), QStringLiteral("to_utc")));
        }
    }

    void compileErrorsAreReportedPerColumn()
    {
        Project broken = m_project;
        for (TableMapping &m : broken.mappings)
            if (m.target == QLatin1String("patient"))
                for (ColumnMapping &c : m.columns)
                    if (c.target == QLatin1String("site"))
                        c.expression = QStringLiteral("upper(trim(SITE_CODE)) +* 2");
        auto r = preview(QStringLiteral("patient"), SampleSpec::first(3), &broken);
        QVERIFY2(r, qPrintable(why(r)));
        const int site = column(*r, QStringLiteral("site"));
        QVERIFY(!r->targetColumns.at(site).compileError.isEmpty());
        QVERIFY(r->targetColumns.at(site).compileErrorOffset >= 0);
        QVERIFY(r->hasCompileErrors());
        for (const PreviewResult::Row &row : r->rows) {
            QCOMPARE(row.cells.at(site).status, Status::NotEvaluated);
            QCOMPARE(row.cells.at(column(*r, QStringLiteral("legacy_id"))).status,
                     Status::Unchanged);
        }
    }

    void edgeSampleFindsRetiredCodes()
    {
        auto r = preview(QStringLiteral("patient"), SampleSpec::edgeCases(30));
        QVERIFY2(r, qPrintable(why(r)));
        QVERIFY(!r->rows.isEmpty());
        QVERIFY(r->rows.size() <= 30);
        QCOMPARE(r->scannedRows, qint64(200));
        bool retired = false;
        for (const PreviewResult::Row &row : r->rows) {
            QVERIFY(!row.sampleReason.isEmpty());
            retired = retired ||
                      row.sampleReason.contains(QStringLiteral("not in lookup 'patient_status'"));
        }
        QVERIFY(retired);
    }

    void randomSampleIsRepeatable()
    {
        auto a = preview(QStringLiteral("patient"), SampleSpec::random(20, 5));
        auto b = preview(QStringLiteral("patient"), SampleSpec::random(20, 5));
        QVERIFY(a && b);
        QCOMPARE(a->rows.size(), 20);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(a->rows.at(i).source, b->rows.at(i).source);
    }

    void unknownTableIsAUsageError()
    {
        auto r = preview(QStringLiteral("nope"), SampleSpec::first(3));
        QVERIFY(!r);
        QCOMPARE(r.error().code(), Error::Code::Usage);
    }

    void cancelBeforeRunCancels()
    {
        PreviewEngine engine;
        engine.cancel();
        auto r = engine.run(m_project, QStringLiteral("patient"), SampleSpec::first(3));
        QVERIFY(!r);
        QCOMPARE(r.error().code(), Error::Code::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TstPreviewEngine)
#include "tst_previewengine.moc"
