// The live preview on the demo project (real SQLite files, the engine's PreviewService): the
// patient mapping's dirty rows show their violations in violation colour with their reasons, the
// encounter mapping's visits in a DST gap too; "only rows with violations" filters; a newer
// request cancels the one running; a click on a violation names its column; 10,000 rows open.
#include "CliRunner.h"
#include "ColumnMappingModel.h"
#include "PreviewModel.h"
#include "ProjectDocument.h"
#include "ProjectValidation.h"
#include "preview/PreviewPane.h"
#include "preview/PreviewService.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using test::CliRunner;
using Status = PreviewResult::CellStatus;

class TestPreviewPane : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_demo;
    QString m_project;

    struct Fixture
    {
        ProjectDocument document;
        ColumnMappingModel columns{document};
        std::unique_ptr<PreviewPane> pane;
    };

    std::unique_ptr<Fixture> open(const QString &target)
    {
        auto f = std::make_unique<Fixture>();
        if (!f->document.open(m_project).ok())
            return nullptr;
        const auto &mappings = f->document.project().mappings;
        for (qsizetype i = 0; i < mappings.size(); ++i)
            if (mappings.at(i).target == target)
                f->columns.setMapping(i);
        f->pane = std::make_unique<PreviewPane>(f->document, f->columns);
        f->pane->resize(1200, 500);
        return f;
    }

    static bool shown(PreviewPane &pane)
    {
        QSignalSpy spy(&pane, &PreviewPane::previewShown);
        if (!pane.isVisible())
            pane.show();
        return spy.count() > 0 || spy.wait(20000);
    }

    // Every (column, note) of the violation cells shown.
    static QList<std::pair<QString, QString>> violations(const PreviewModel &model)
    {
        QList<std::pair<QString, QString>> found;
        for (int row = 0; row < model.rowCount(); ++row)
            for (int column = 1; column < model.columnCount(); ++column) {
                const QModelIndex cell = model.index(row, column);
                if (cell.data(PreviewModel::StatusRole).toInt() == int(Status::Violation))
                    found.append({cell.data(PreviewModel::ColumnNameRole).toString(),
                                  cell.data(PreviewModel::ReasonRole).toString()});
            }
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto demo = CliRunner::run({QStringLiteral("demo"), m_demo.path(),
                                          QStringLiteral("--rows"), QStringLiteral("300")});
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
        m_project = m_demo.filePath(QStringLiteral("demo.cutover"));
    }

    void thePatientsDirtyRowsShowTheirViolationsAndReasons()
    {
        auto f = open(QStringLiteral("patient"));
        QVERIFY(f);
        PreviewModel *target = f->pane->targetModel();
        QVERIFY(shown(*f->pane));
        QCOMPARE(target->result().rows.size(), 300); // the demo's 300 patients, fewer than 500
        const auto found = violations(*target);
        QStringList columns;
        for (const auto &[column, note] : found) {
            columns.append(column);
            QVERIFY2(!note.isEmpty(), qPrintable(column)); // every violation says why
        }
        QVERIFY2(columns.contains(QStringLiteral("full_name")), qPrintable(columns.join(',')));
        QVERIFY2(columns.contains(QStringLiteral("status")), qPrintable(columns.join(',')));

        // a quarantined row says so in its first column, with the reasons a run records
        int blocked = -1;
        for (int row = 0; row < target->rowCount() && blocked < 0; ++row)
            if (target->index(row, 0).data().toString().contains(QStringLiteral("quarantined")))
                blocked = row;
        QVERIFY(blocked >= 0);
        QVERIFY(target->index(blocked, 0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("blocks: ")));
        QVERIFY(target->index(blocked, 0).data(Qt::BackgroundRole).isValid());
        QVERIFY(f->pane->statusText().contains(QStringLiteral("would be quarantined")));

        // only the rows with violations
        int withViolations = 0;
        for (const PreviewResult::Row &row : target->result().rows)
            withViolations += !row.violations.isEmpty();
        QTest::mouseClick(f->pane->violationsOnly(), Qt::LeftButton);
        QCOMPARE(target->shownRows(), withViolations);
        QCOMPARE(f->pane->sourceModel()->shownRows(), withViolations);
        QVERIFY(withViolations < target->result().rows.size());
    }

    void aVisitInADstGapIsAViolationOfItsTime()
    {
        auto f = open(QStringLiteral("encounter"));
        QVERIFY(f);
        QVERIFY(shown(*f->pane));
        bool dst = false;
        for (const auto &[column, note] : violations(*f->pane->targetModel()))
            dst = dst || (column == QLatin1String("started_at") &&
                          note.contains(QStringLiteral("DST"), Qt::CaseInsensitive));
        QVERIFY(dst);
    }

    void aNewerRequestCancelsTheRunningOne()
    {
        auto f = open(QStringLiteral("encounter"));
        QVERIFY(f);
        QVERIFY(shown(*f->pane)); // the first, on showing
        QSignalSpy ready(f->pane->service(), &PreviewService::previewReady);
        QSignalSpy failed(f->pane->service(), &PreviewService::previewFailed);
        QSignalSpy paneShown(f->pane.get(), &PreviewPane::previewShown);
        f->pane->setSample(SampleSpec::edgeCases(2000));
        f->pane->refresh();
        const int first = f->pane->service()->generation();
        f->pane->setSample(SampleSpec::first(20));
        f->pane->refresh();
        const int second = f->pane->service()->generation();
        QVERIFY(second > first);
        QVERIFY(paneShown.wait(20000));
        QVERIFY(f->pane->service()->waitForIdle(20000));
        QCoreApplication::processEvents();
        for (const QList<QVariant> &signal : std::as_const(ready))
            QVERIFY(signal.first().toInt() != first); // the first never arrives
        QCOMPARE(paneShown.last().first().toInt(), second);
        QCOMPARE(f->pane->targetModel()->result().rows.size(), 20);
    }

    void aClickOnAViolationNamesItsColumn()
    {
        auto f = open(QStringLiteral("patient"));
        QVERIFY(f);
        QVERIFY(shown(*f->pane));
        PreviewModel *target = f->pane->targetModel();
        QModelIndex violation;
        for (int row = 0; row < target->rowCount() && !violation.isValid(); ++row)
            for (int column = 1; column < target->columnCount(); ++column)
                if (target->index(row, column).data(PreviewModel::StatusRole).toInt() ==
                    int(Status::Violation))
                    violation = target->index(row, column);
        QVERIFY(violation.isValid());
        QTableView *view = f->pane->targetView();
        view->scrollTo(violation);
        QSignalSpy chosen(f->pane.get(), &PreviewPane::violationChosen);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(violation).center());
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().first().toString(),
                 violation.data(PreviewModel::ColumnNameRole).toString());
    }

    void tenThousandRowsComeInSteps()
    {
        auto f = open(QStringLiteral("observation"));
        QVERIFY(f);
        f->pane->setSample(SampleSpec::first(10000));
        QVERIFY(shown(*f->pane));
        const PreviewResult result = f->pane->targetModel()->result();
        QVERIFY(result.rows.size() > 2 * PreviewModel::kFetchStep);

        // the model without a view: rows come in steps of kFetchStep, under the model tester
        for (const auto side : {PreviewModel::Side::Source, PreviewModel::Side::Target}) {
            PreviewModel model(side);
            QAbstractItemModelTester tester(&model,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.setResult(result);
            QCOMPARE(model.rowCount(), PreviewModel::kFetchStep);
            QCOMPARE(model.columnCount(), side == PreviewModel::Side::Source
                                              ? int(result.sourceColumns.size())
                                              : int(result.targetColumns.size()) + 1);
            QVERIFY(model.canFetchMore({}));
            model.fetchMore({});
            QCOMPARE(model.rowCount(), 2 * PreviewModel::kFetchStep);
            model.setViolationsOnly(true);
            QVERIFY(model.rowCount() <= PreviewModel::kFetchStep);
        }
    }
};

QTEST_MAIN(TestPreviewPane)
#include "tst_previewpane.moc"
