// The live preview on the demo project (real SQLite files, the engine's PreviewService): the
// patient mapping's dirty rows show their violations in violation colour with their reasons, the
// encounter mapping's visits in a DST gap too; "only rows with violations" filters; a newer
// request cancels the one running; a click on a violation names its column; 10,000 rows open.
#include "CliRunner.h"
#include "ColumnMappingModel.h"
#include "PreviewModel.h"
#include "ProjectDocument.h"
#include "ProjectValidation.h"
#include "core/ViolationText.h"
#include "preview/PreviewPane.h"
#include "preview/PreviewRowDetails.h"
#include "preview/PreviewService.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QFont>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

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
        const PreviewResult::Row &blockedRow = target->result().rows.at(target->resultRow(blocked));
        QVERIFY(target->index(blocked, 0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(ViolationText::describe(blockedRow.violations.first())));
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

    // Choosing a row shows each of the table's rules with its verdict on the row, and every
    // violation in the words a run's quarantine records.
    void aChosenRowShowsEachRulesVerdictAndTheQuarantineReasons()
    {
        auto f = open(QStringLiteral("patient"));
        QVERIFY(f);
        QVERIFY(shown(*f->pane));
        PreviewModel *target = f->pane->targetModel();
        PreviewRowDetails *details = f->pane->rowDetails();
        QVERIFY(details->headingText().startsWith(QStringLiteral("Choose a row")));
        int rules = 0;
        for (const Rule &rule : f->document.project().rules)
            rules += rule.table == QLatin1String("patient");
        QVERIFY(rules >= 5);

        // a row without violations: every rule passes
        int clean = -1;
        int blocked = -1;
        for (int row = 0; row < target->rowCount(); ++row) {
            const PreviewResult::Row &r = target->result().rows.at(target->resultRow(row));
            if (clean < 0 && r.violations.isEmpty())
                clean = row;
            if (blocked < 0 && r.blocked)
                blocked = row;
        }
        QVERIFY(clean >= 0 && blocked >= 0);
        QTableView *view = f->pane->targetView();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(target->index(clean, 2)).center());
        QVERIFY2(details->headingText().contains(QStringLiteral("would be loaded")),
                 qPrintable(details->headingText()));
        QTreeWidget *checks = details->checks();
        QCOMPARE(checks->topLevelItemCount(), rules);
        for (int i = 0; i < checks->topLevelItemCount(); ++i)
            QCOMPARE(checks->topLevelItem(i)->text(PreviewRowDetails::VerdictColumn),
                     QStringLiteral("\u2713 passes"));

        // a quarantined row, chosen on the source side: its violations as the run records them
        f->pane->sourceView()->selectRow(blocked);
        QCOMPARE(view->currentIndex().row(), blocked);
        QVERIFY2(details->headingText().contains(QStringLiteral("would be quarantined")),
                 qPrintable(details->headingText()));
        const PreviewResult::Row &row = target->result().rows.at(target->resultRow(blocked));
        QStringList records;
        int blocking = 0;
        for (int i = 0; i < checks->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *item = checks->topLevelItem(i);
            records.append(item->text(PreviewRowDetails::RecordColumn));
            blocking +=
                item->text(PreviewRowDetails::VerdictColumn) == QStringLiteral("\u2717 blocks");
        }
        QVERIFY(blocking >= 1);
        for (const Violation &v : row.violations)
            QVERIFY2(records.join(u'\n').contains(ViolationText::describe(v)),
                     qPrintable(ViolationText::describe(v)));
    }

    // The column being edited is marked and scrolled into view on the target side, the columns
    // its expression reads on the source side.
    void theEditedColumnAndWhatItReadsAreInView()
    {
        auto f = open(QStringLiteral("patient"));
        QVERIFY(f);
        f->pane->resize(700, 400);
        QVERIFY(shown(*f->pane));
        PreviewModel *target = f->pane->targetModel();
        const int status = target->columnOf(QStringLiteral("updated_at"));
        QVERIFY(status > 8);
        QTableView *view = f->pane->targetView();
        auto inView = [](QTableView *v, int column) {
            const int x = v->columnViewportPosition(column);
            return x >= 0 && x + v->columnWidth(column) <= v->viewport()->width();
        };
        QVERIFY(!inView(view, status));
        f->pane->showColumn(QStringLiteral("updated_at"));
        QTRY_VERIFY(inView(view, status));
        QVERIFY(
            target->headerData(status, Qt::Horizontal, Qt::FontRole).value<QFont>().underline());
        QVERIFY(!target->headerData(1, Qt::Horizontal, Qt::FontRole).isValid());
        QCOMPARE(f->pane->sourceModel()->focusColumns(), QStringList{QStringLiteral("LAST_UPD")});
        const int read = int(target->result().sourceColumns.indexOf(QStringLiteral("LAST_UPD")));
        QTRY_VERIFY(inView(f->pane->sourceView(), read));
        f->pane->showColumn({});
        QVERIFY(!target->headerData(status, Qt::Horizontal, Qt::FontRole).isValid());
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
