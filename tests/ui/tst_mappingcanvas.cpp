// The mapping canvas over real SQLite files and a real project: a drag from a source column to a
// target column (mouse events on the view) maps it, undo removes it, a drop on a mapped column
// replaces or appends, an expression over two columns draws two lines, one that does not compile
// draws its line as an error, and Del on a selected line unmaps. Auto-map suggestions are
// drawn as their own lines, accepted as ordinary mappings (one by one or above a confidence)
// and rejected.
#include "ColumnMappingModel.h"
#include "ProjectDocument.h"
#include "ProjectEdits.h"
#include "ProjectValidation.h"
#include "SqliteFile.h"
#include "canvas/CanvasExport.h"
#include "canvas/CanvasMinimap.h"
#include "canvas/CanvasView.h"
#include "canvas/ColumnPort.h"
#include "canvas/LineageLine.h"
#include "canvas/MappingCanvas.h"
#include "canvas/MappingEdge.h"
#include "canvas/MappingScene.h"
#include "canvas/OverviewBox.h"
#include "canvas/OverviewCanvas.h"
#include "canvas/OverviewScene.h"
#include "canvas/SuggestionBar.h"
#include "canvas/SuggestionLine.h"
#include "canvas/TableBox.h"
#include "project/ProjectReader.h"
#include "project/ProjectWriter.h"

#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using test::SqliteFile;

class TestMappingCanvas : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

    struct Fixture
    {
        ProjectDocument document;
        ColumnMappingModel columns{document};
        ProjectValidation validation{document, nullptr};
        std::unique_ptr<MappingCanvas> canvas;
        int checks = 0;

        // Feeds each check to the model as the editor area does.
        void follow()
        {
            QObject::connect(&validation, &ProjectValidation::finished, &columns,
                             [this](const ProjectCheck::Outcome &outcome) {
                                 columns.setSchemas(outcome.source, outcome.target);
                                 columns.setProblems(outcome.problems);
                                 columns.setLineage(outcome.lineage);
                                 ++checks;
                             });
        }
    };

    std::unique_ptr<Fixture> open()
    {
        auto f = std::make_unique<Fixture>();
        f->follow();
        if (!f->document.open(m_path).ok())
            return nullptr;
        if (!QTest::qWaitFor([&] { return f->checks == 1; }, 10000))
            return nullptr;
        f->columns.setMapping(0);
        f->canvas = std::make_unique<MappingCanvas>(f->document, f->columns);
        f->canvas->resize(900, 600);
        f->canvas->show();
        return f;
    }

    // Waits for the check that follows an edit.
    static bool checked(Fixture &f, int count)
    {
        return QTest::qWaitFor([&] { return f.checks >= count; }, 10000);
    }

    static QPoint onView(const MappingCanvas &canvas, const QPointF &scenePoint)
    {
        return canvas.view()->mapFromScene(scenePoint);
    }

    static QPointF middle(const ColumnPort *port)
    {
        return port->mapToScene(port->boundingRect().center());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(SqliteFile::create(m_dir.filePath(QStringLiteral("legacy.sqlite")),
                                    {QStringLiteral("CREATE TABLE PATIENTS (PAT_ID INTEGER PRIMARY "
                                                    "KEY, FIRST TEXT, LAST TEXT, \"E MAIL\" TEXT)"),
                                     QStringLiteral("CREATE TABLE VISITS (VIS_ID INTEGER PRIMARY "
                                                    "KEY, VISITED TEXT, REASON TEXT)")}),
                 QString());
        QCOMPARE(SqliteFile::create(m_dir.filePath(QStringLiteral("modern.sqlite")),
                                    {QStringLiteral("CREATE TABLE patient (id INTEGER PRIMARY KEY, "
                                                    "full_name TEXT, email TEXT, born TEXT)"),
                                     QStringLiteral("CREATE TABLE visit (id INTEGER PRIMARY KEY, "
                                                    "visited TEXT, reason TEXT)")}),
                 QString());
        Project p;
        ConnectionDef legacy, modern;
        legacy.name = QStringLiteral("legacy");
        legacy.url = QStringLiteral("sqlite:legacy.sqlite");
        modern.name = QStringLiteral("modern");
        modern.url = QStringLiteral("sqlite:modern.sqlite");
        p.connections = {legacy, modern};
        p.sourceConnection = legacy.name;
        p.targetConnection = modern.name;
        TableMapping m;
        m.source = QStringLiteral("PATIENTS");
        m.target = QStringLiteral("patient");
        ColumnMapping id;
        id.target = QStringLiteral("id");
        id.expression = QStringLiteral("PAT_ID");
        m.columns = {id};
        p.mappings = {m};
        m_path = m_dir.filePath(QStringLiteral("clinic.cutover"));
        QVERIFY(ProjectWriter::save(p, m_path).ok());
    }

    void aDragMapsAColumnAndUndoRemovesIt()
    {
        auto f = open();
        QVERIFY(f);
        MappingScene *scene = f->canvas->scene();
        QVERIFY(scene->sourceBox() && scene->targetBox());
        QCOMPARE(scene->lines().size(), 1); // id <- PAT_ID
        const QByteArray loaded = f->document.toBytes();

        QWidget *viewport = f->canvas->view()->viewport();
        const QPoint from =
            onView(*f->canvas, middle(scene->sourceBox()->port(QStringLiteral("E MAIL"))));
        const QPoint to =
            onView(*f->canvas, middle(scene->targetBox()->port(QStringLiteral("email"))));
        QTest::mousePress(viewport, Qt::LeftButton, {}, from);
        QTest::mouseMove(viewport, (from + to) / 2);
        QTest::mouseMove(viewport, to);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
        const ColumnMapping *email =
            f->document.project().mappings.at(0).column(QStringLiteral("email"));
        QVERIFY(email);
        QCOMPARE(email->expression, QStringLiteral("\"E MAIL\"")); // quoted: it has a space
        QCOMPARE(f->document.undoStack()->undoText(),
                 QStringLiteral("Map PATIENTS.E MAIL to patient.email"));
        // the line is drawn at once, before the check, and the check agrees
        QCOMPARE(scene->linesTo(QStringLiteral("email")).size(), 1);
        QCOMPARE(scene->linesTo(QStringLiteral("email")).first()->from()->name(),
                 QStringLiteral("E MAIL"));
        QVERIFY(checked(*f, 2));
        QCOMPARE(scene->linesTo(QStringLiteral("email")).size(), 1);
        QCOMPARE(scene->linesTo(QStringLiteral("email")).first()->from()->name(),
                 QStringLiteral("E MAIL"));

        f->document.undoStack()->undo();
        QVERIFY(!f->document.project().mappings.at(0).column(QStringLiteral("email")));
        QCOMPARE(f->document.toBytes(), loaded);
        QVERIFY(scene->linesTo(QStringLiteral("email")).isEmpty());
    }

    void aDragThatEndsNowhereChangesNothing()
    {
        auto f = open();
        QVERIFY(f);
        MappingScene *scene = f->canvas->scene();
        QWidget *viewport = f->canvas->view()->viewport();
        const QPoint from =
            onView(*f->canvas, middle(scene->sourceBox()->port(QStringLiteral("FIRST"))));
        const QPoint gap = from + QPoint(120, 0);
        QTest::mousePress(viewport, Qt::LeftButton, {}, from);
        QTest::mouseMove(viewport, gap);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, gap);
        QCOMPARE(f->document.undoStack()->count(), 0);
    }

    void anExpressionOverTwoColumnsDrawsTwoLines()
    {
        auto f = open();
        QVERIFY(f);
        MappingScene *scene = f->canvas->scene();
        scene->map(QStringLiteral("FIRST"), QStringLiteral("full_name"));
        scene->map(QStringLiteral("LAST"), QStringLiteral("full_name"),
                   MappingScene::DropAction::Append);
        QCOMPARE(
            f->document.project().mappings.at(0).column(QStringLiteral("full_name"))->expression,
            QStringLiteral("FIRST || ' ' || LAST"));
        QVERIFY(checked(*f, 2));
        const auto lines = scene->linesTo(QStringLiteral("full_name"));
        QCOMPARE(lines.size(), 2);
        QStringList from;
        for (const LineageLine *line : lines)
            from.append(line->from()->name());
        QCOMPARE(from, (QStringList{QStringLiteral("FIRST"), QStringLiteral("LAST")}));
    }

    void anInvalidExpressionDrawsAnErrorLine()
    {
        auto f = open();
        QVERIFY(f);
        ProjectEdits(f->document).setExpression(0, QStringLiteral("id"), QStringLiteral("NO_SUCH"));
        QVERIFY(checked(*f, 2));
        const auto lines = f->canvas->scene()->linesTo(QStringLiteral("id"));
        QCOMPARE(lines.size(), 1);
        QVERIFY(!lines.first()->from()); // nothing it reads: drawn from a function mark
        QCOMPARE(lines.first()->state(), ColumnMappingModel::State::Error);
        QCOMPARE(f->canvas->scene()->targetBox()->port(QStringLiteral("id"))->state(),
                 ColumnMappingModel::State::Error);
        QVERIFY(lines.first()->toolTip().contains(QLatin1String("NO_SUCH")));
    }

    void deleteUnmapsTheSelectedLine()
    {
        auto f = open();
        QVERIFY(f);
        MappingScene *scene = f->canvas->scene();
        LineageLine *line = scene->linesTo(QStringLiteral("id")).first();
        line->setSelected(true);
        f->canvas->view()->setFocus();
        QTest::keyClick(f->canvas->view(), Qt::Key_Delete);
        QVERIFY(!f->document.project().mappings.at(0).column(QStringLiteral("id")));
        QVERIFY(scene->linesTo(QStringLiteral("id")).isEmpty());
        f->document.undoStack()->undo();
        QCOMPARE(scene->linesTo(QStringLiteral("id")).size(), 1);
    }

    void theOverviewDrawsOneLinePerMappingAndOpensIt()
    {
        auto f = open();
        QVERIFY(f);
        ProjectEdits(f->document).setExpression(0, QStringLiteral("id"), QStringLiteral("NO_SUCH"));
        QVERIFY(checked(*f, 2));
        OverviewCanvas overview(f->document);
        overview.resize(900, 500);
        overview.show();
        overview.scene()->setOutcome(f->validation.outcome());
        QCOMPARE(overview.scene()->edges().size(), 1);
        QCOMPARE(overview.scene()->edges().first()->label(),
                 QStringLiteral("1 mapped \u00b7 1 with problems"));
        QVERIFY(overview.scene()->sourceBox(QStringLiteral("PATIENTS")));
        QVERIFY(overview.scene()->targetBox(QStringLiteral("patient")));

        QSignalSpy opened(overview.scene(), &OverviewScene::mappingOpened);
        OverviewBox *target = overview.scene()->targetBox(QStringLiteral("patient"));
        const QPoint at =
            overview.view()->mapFromScene(target->mapToScene(target->boundingRect().center()));
        QTest::mouseDClick(overview.view()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().first().value<qsizetype>(), 0);

        // the search finds a table, target tables first, and selects it
        QTest::keyClicks(overview.searchEdit(), QStringLiteral("VISI"));
        QVERIFY(overview.scene()->targetBox(QStringLiteral("visit"))->isSelected());
        overview.searchEdit()->clear();
        QTest::keyClicks(overview.searchEdit(), QStringLiteral("PATIENTS"));
        QVERIFY(overview.scene()->sourceBox(QStringLiteral("PATIENTS"))->isSelected());
        QVERIFY(!overview.scene()->targetBox(QStringLiteral("visit"))->isSelected());

        // a second mapping adds a line and a box, at once
        TableMapping visits;
        visits.source = QStringLiteral("PATIENTS");
        visits.target = QStringLiteral("visit");
        ProjectEdits(f->document).addMapping(visits);
        QCOMPARE(overview.scene()->edges().size(), 2);
        QCOMPARE(overview.scene()->edges().last()->label(), QStringLiteral("0 mapped"));
    }

    void aQueryFedTargetShowsTheQuerysTablesAndAClickSelectsItsMapping()
    {
        auto f = open();
        QVERIFY(f);
        TableMapping visits;
        visits.query = QStringLiteral("SELECT v.VIS_ID, p.LAST FROM VISITS v JOIN \"PATIENTS\" p "
                                      "ON p.PAT_ID = v.VIS_ID");
        visits.target = QStringLiteral("visit");
        ProjectEdits(f->document).addMapping(visits);
        QVERIFY(checked(*f, 2));
        OverviewCanvas overview(f->document);
        overview.resize(900, 500);
        overview.show();
        OverviewScene *scene = overview.scene();
        scene->setOutcome(f->validation.outcome());

        QList<MappingEdge *> fromQuery;
        for (MappingEdge *edge : scene->edges())
            if (edge->mapping() == 1)
                fromQuery.append(edge);
        QCOMPARE(fromQuery.size(), 2); // VISITS and PATIENTS, the query's tables
        QVERIFY(scene->sourceBox(QStringLiteral("VISITS")));
        QVERIFY(!scene->sourceBox(QStringLiteral("query for visit")));
        QVERIFY(fromQuery.first()->label().startsWith(QStringLiteral("query: ")));
        QVERIFY(fromQuery.first()->labelShown()); // only the first is labelled
        QVERIFY(!fromQuery.last()->labelShown());

        // a click on a line says which mapping it is; selecting a mapping selects its lines
        QSignalSpy selected(scene, &OverviewScene::mappingSelected);
        MappingEdge *edge = scene->edges().first();
        const QPoint at = overview.view()->mapFromScene(edge->path().pointAtPercent(0.5));
        QTest::mouseClick(overview.view()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.first().first().value<qsizetype>(), edge->mapping());
        QCOMPARE(scene->selectMapping(1).size(), 2);
        QVERIFY(fromQuery.first()->isSelected() && fromQuery.last()->isSelected());
        QCOMPARE(scene->selectedMapping(), 1);
        QCOMPARE(selected.count(), 1); // selecting from code is not the user's choice
    }

    void draggingATableOntoATableMapsItWithAutoMappedColumns()
    {
        auto f = open();
        QVERIFY(f);
        OverviewCanvas overview(f->document);
        overview.resize(900, 500);
        overview.show();
        overview.scene()->setOutcome(f->validation.outcome());
        OverviewBox *visits = overview.scene()->sourceBox(QStringLiteral("VISITS"));
        OverviewBox *visit = overview.scene()->targetBox(QStringLiteral("visit"));
        QVERIFY2(visits && visit, "tables no mapping touches are on the overview too");
        QSignalSpy opened(overview.scene(), &OverviewScene::mappingOpened);
        QWidget *viewport = overview.view()->viewport();
        // from the dot at the source table's right edge: the rest of the box moves it
        const QPoint from = overview.view()->mapFromScene(visits->anchor() - QPointF(6, 0));
        const QPoint to =
            overview.view()->mapFromScene(visit->mapToScene(visit->boundingRect().center()));
        QTest::mousePress(viewport, Qt::LeftButton, {}, from);
        QTest::mouseMove(viewport, (from + to) / 2);
        QTest::mouseMove(viewport, to);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
        const TableMapping *mapping = f->document.project().mapping(QStringLiteral("visit"));
        QVERIFY(mapping);
        QCOMPARE(mapping->source, QStringLiteral("VISITS"));
        QVERIFY(mapping->column(QStringLiteral("visited")));
        QVERIFY(mapping->column(QStringLiteral("reason")));
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().first().value<qsizetype>(), 1);
        QCOMPARE(overview.scene()->edges().size(), 2);
        f->document.undoStack()->undo();
        QVERIFY(!f->document.project().mapping(QStringLiteral("visit")));
        QCOMPARE(overview.scene()->edges().size(), 1);
    }

    void aMovedTableKeepsItsPlaceInTheProjectFile()
    {
        auto f = open();
        QVERIFY(f);
        const QByteArray loaded = f->document.toBytes();
        OverviewCanvas overview(f->document);
        overview.resize(900, 500);
        overview.show();
        overview.scene()->setOutcome(f->validation.outcome());
        OverviewBox *patient = overview.scene()->targetBox(QStringLiteral("patient"));
        const QPointF before = patient->pos();
        QWidget *viewport = overview.view()->viewport();
        const QPoint grab =
            overview.view()->mapFromScene(patient->mapToScene(patient->boundingRect().center()));
        QTest::mousePress(viewport, Qt::LeftButton, {}, grab);
        QTest::mouseMove(viewport, grab + QPoint(20, 30));
        QTest::mouseMove(viewport, grab + QPoint(40, 60));
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, grab + QPoint(40, 60));
        const CanvasLayout &layout = f->document.project().canvas;
        QVERIFY2(layout.targets.contains(QStringLiteral("patient")), "the move is in the project");
        const QPointF saved = layout.targets.value(QStringLiteral("patient"));
        QVERIFY(saved.y() > before.y());
        QVERIFY(f->document.project().mappings.size() == 1); // a move maps nothing

        // the file holds it, reads it back and writes the same bytes
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("moved.cutover"));
        QVERIFY(f->document.saveAs(file).ok());
        auto reread = ProjectReader::load(file);
        QVERIFY(reread.ok());
        QCOMPARE(reread->canvas, layout);
        QCOMPARE(ProjectWriter::toBytes(*reread), f->document.toBytes());
        QVERIFY(f->document.toBytes().contains("\"canvas\""));

        // a rebuilt overview puts it there again; undo (or re-layout) forgets it
        overview.scene()->setOutcome(f->validation.outcome());
        QCOMPARE(overview.scene()->targetBox(QStringLiteral("patient"))->pos(), saved);
        f->document.undoStack()->undo();
        QVERIFY(f->document.project().canvas.isEmpty());
        QCOMPARE(overview.scene()->targetBox(QStringLiteral("patient"))->pos(), before);
        QCOMPARE(f->document.toBytes(), loaded); // without a layout, no "canvas" in the file
    }

    void theCanvasExportsAsSvgAndPng()
    {
        auto f = open();
        QVERIFY(f);
        QTemporaryDir dir;
        const QString svg = dir.filePath(QStringLiteral("columns.svg"));
        const QString png = dir.filePath(QStringLiteral("columns.png"));
        QCOMPARE(CanvasExport::save(*f->canvas->scene(), svg, QStringLiteral("patient")),
                 QString());
        QCOMPARE(CanvasExport::save(*f->canvas->scene(), png, QStringLiteral("patient")),
                 QString());
        QFile drawing(svg);
        QVERIFY(drawing.open(QIODevice::ReadOnly));
        const QByteArray text = drawing.readAll();
        QVERIFY(text.startsWith("<?xml"));
        QVERIFY(text.contains("PATIENTS") && text.contains("PAT_ID"));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 2 * TableBox::kWidth);
        QVERIFY(!CanvasExport::save(*f->canvas->scene(), dir.filePath(QStringLiteral("x.gif")),
                                    QString())
                     .isEmpty());
    }

    void searchAndTheArrowKeysSelectAColumnsLines()
    {
        auto f = open();
        QVERIFY(f);
        MappingScene *scene = f->canvas->scene();
        scene->map(QStringLiteral("FIRST"), QStringLiteral("full_name"));
        QSignalSpy chosen(f->canvas.get(), &MappingCanvas::columnChosen);
        QTest::keyClicks(f->canvas->searchEdit(), QStringLiteral("FULL"));
        QCOMPARE(scene->selectedTargetColumn(), QStringLiteral("full_name"));
        QVERIFY(scene->linesTo(QStringLiteral("full_name")).first()->isSelected());
        QVERIFY(!scene->linesTo(QStringLiteral("id")).first()->isSelected());

        f->canvas->view()->setFocus();
        QTest::keyClick(f->canvas->view(), Qt::Key_Up); // full_name -> id
        QCOMPARE(scene->selectedTargetColumn(), QStringLiteral("id"));
        QVERIFY(scene->linesTo(QStringLiteral("id")).first()->isSelected());
        QCOMPARE(chosen.last().first().toString(), QStringLiteral("id"));
        QTest::keyClick(f->canvas->view(), Qt::Key_Down);
        QTest::keyClick(f->canvas->view(), Qt::Key_Down); // full_name -> email (no line)
        QCOMPARE(scene->selectedTargetColumn(), QStringLiteral("email"));

        // a source column's search selects the lines that read it
        f->canvas->searchEdit()->clear();
        QTest::keyClicks(f->canvas->searchEdit(), QStringLiteral("pat_"));
        QVERIFY(scene->linesTo(QStringLiteral("id")).first()->isSelected());
    }

    // Clicks Suggest and waits for the worker's suggestions to be drawn.
    static bool suggest(Fixture &f)
    {
        SuggestionBar *bar = f.canvas->suggestionBar();
        QSignalSpy finished(bar, &SuggestionBar::finished);
        QTest::mouseClick(bar->suggestButton(), Qt::LeftButton);
        return finished.wait(10000);
    }

    void aSuggestionIsDrawnAndAcceptedAsAnOrdinaryMapping()
    {
        auto f = open();
        QVERIFY(f);
        MappingScene *scene = f->canvas->scene();
        const QByteArray loaded = f->document.toBytes();
        QVERIFY(suggest(*f));
        QVERIFY2(scene->suggestionTo(QStringLiteral("email")),
                 qPrintable(f->canvas->suggestionBar()->statusText()));
        QVERIFY(!scene->suggestionTo(QStringLiteral("id"))); // mapped already
        SuggestionLine *email = scene->suggestionTo(QStringLiteral("email"));
        QCOMPARE(email->suggestion().source, QStringLiteral("E MAIL"));
        QVERIFY(email->toolTip().contains(email->confidenceText()));
        QCOMPARE(f->document.toBytes(), loaded); // suggesting changes nothing

        // a double-click on the line accepts it: the column reads the quoted source column
        f->canvas->view()->centerOn(email);
        const QPoint tag = onView(*f->canvas, email->mapToScene(email->boundingRect().center()));
        QVERIFY(email->contains(email->mapFromScene(f->canvas->view()->mapToScene(tag))));
        QTest::mouseDClick(f->canvas->view()->viewport(), Qt::LeftButton, {}, tag);
        const ColumnMapping *mapped =
            f->document.project().mappings.at(0).column(QStringLiteral("email"));
        QVERIFY(mapped);
        QCOMPARE(mapped->expression, QStringLiteral("\"E MAIL\""));
        QVERIFY(mapped->note.startsWith(QStringLiteral("auto-mapped from E MAIL")));
        QVERIFY(!scene->suggestionTo(QStringLiteral("email")));
        QCOMPARE(scene->linesTo(QStringLiteral("email")).size(), 1);
        QVERIFY(f->document.undoStack()->undoText().startsWith(QStringLiteral("Accept")));

        // undo takes the mapping back and the suggestion returns; Del then rejects it
        f->document.undoStack()->undo();
        QCOMPARE(f->document.toBytes(), loaded);
        email = scene->suggestionTo(QStringLiteral("email"));
        QVERIFY(email);
        email->setSelected(true);
        f->canvas->view()->setFocus();
        QTest::keyClick(f->canvas->view(), Qt::Key_Delete);
        QVERIFY(!scene->suggestionTo(QStringLiteral("email")));
        QCOMPARE(f->document.toBytes(), loaded); // rejecting is no edit

        // asked again, Enter accepts the selected suggestion
        QVERIFY(suggest(*f));
        scene->suggestionTo(QStringLiteral("email"))->setSelected(true);
        QTest::keyClick(f->canvas->view(), Qt::Key_Return);
        QVERIFY(f->document.project().mappings.at(0).column(QStringLiteral("email")));
    }

    void acceptAllTakesTheSuggestionsAboveTheSlider()
    {
        auto f = open();
        QVERIFY(f);
        MappingScene *scene = f->canvas->scene();
        SuggestionBar *bar = f->canvas->suggestionBar();
        QVERIFY(suggest(*f));
        const auto open = scene->openSuggestions();
        QVERIFY(!open.isEmpty());
        double weakest = 1;
        for (const auto &s : open)
            weakest = qMin(weakest, s.confidence);

        // at 100% nothing qualifies; each weaker line is drawn faint
        bar->thresholdSlider()->setValue(100);
        QVERIFY(!bar->acceptButton()->isEnabled());
        for (SuggestionLine *line : scene->suggestionLines())
            QCOMPARE(line->isFaint(), line->suggestion().confidence < 1.0);
        bar->thresholdSlider()->setValue(qFloor(weakest * 100));
        QVERIFY(bar->acceptButton()->isEnabled());
        QCOMPARE(bar->acceptButton()->text(), QStringLiteral("Accept %1").arg(open.size()));
        const int edits = f->document.undoStack()->index();
        QTest::mouseClick(bar->acceptButton(), Qt::LeftButton);
        QCOMPARE(f->document.undoStack()->index(), edits + 1); // one edit
        for (const auto &s : open)
            QVERIFY2(f->document.project().mappings.at(0).column(s.target), qPrintable(s.target));
        QVERIFY(scene->suggestionLines().isEmpty());
        QVERIFY(!bar->acceptButton()->isVisible());
        f->document.undoStack()->undo();
        QCOMPARE(scene->suggestionLines().size(), open.size());
    }

    void leftAndRightFollowTheLines()
    {
        auto f = open();
        QVERIFY(f);
        MappingScene *scene = f->canvas->scene();
        scene->map(QStringLiteral("FIRST"), QStringLiteral("full_name"));
        scene->map(QStringLiteral("LAST"), QStringLiteral("full_name"),
                   MappingScene::DropAction::Append);
        QVERIFY(f->canvas->showColumn(QStringLiteral("full_name")));
        f->canvas->view()->setFocus();
        QTest::keyClick(f->canvas->view(), Qt::Key_Left); // to the first source column it reads
        QCOMPARE(scene->currentPort()->name(), QStringLiteral("FIRST"));
        QTest::keyClick(f->canvas->view(), Qt::Key_Down); // down the source columns
        QCOMPARE(scene->currentPort()->name(), QStringLiteral("LAST"));
        QVERIFY(scene->linesTo(QStringLiteral("full_name")).last()->isSelected());
        QTest::keyClick(f->canvas->view(), Qt::Key_Right); // back to the target
        QCOMPARE(scene->currentPort()->name(), QStringLiteral("full_name"));
        QCOMPARE(scene->selectedTargetColumn(), QStringLiteral("full_name"));
        QTest::keyClick(f->canvas->view(), Qt::Key_Right); // nothing further right
        QCOMPARE(scene->currentPort()->name(), QStringLiteral("full_name"));
    }

    void theMinimapShowsWhenTheSceneOutgrowsTheViewAndMovesIt()
    {
        auto f = open();
        QVERIFY(f);
        auto *minimap = f->canvas->view()->findChild<CanvasMinimap *>();
        QVERIFY(minimap);
        QTRY_VERIFY(!minimap->isVisible()); // 900 x 600: the whole mapping fits
        f->canvas->view()->zoomBy(3);
        QTRY_VERIFY(minimap->isVisible());
        QVERIFY(minimap->width() <= CanvasMinimap::kMaxWidth);
        const QRect viewport = f->canvas->view()->viewport()->geometry();
        QVERIFY(viewport.contains(minimap->geometry())); // in the view's corner

        // a click near the minimap's bottom right brings that corner of the scene into view
        const QRectF before = minimap->viewedRect();
        QVERIFY(!before.isEmpty());
        const QPoint corner = minimap->rect().bottomRight() - QPoint(16, 16);
        QTest::mouseClick(minimap, Qt::LeftButton, {}, corner);
        const QRectF after = minimap->viewedRect();
        QVERIFY2(after.center().x() > before.center().x(), // the mapping is wider than tall
                 qPrintable(
                     QStringLiteral("%1 -> %2").arg(before.center().x()).arg(after.center().x())));
        const QPointF sceneCorner = minimap->toScene(corner);
        QVERIFY(f->canvas->view()
                    ->mapToScene(f->canvas->view()->viewport()->rect())
                    .boundingRect()
                    .contains(sceneCorner));
    }

    void columnNamesAreQuotedOnlyWhenTheyNeedIt()
    {
        QCOMPARE(MappingScene::columnReference(QStringLiteral("PAT_ID")), QStringLiteral("PAT_ID"));
        QCOMPARE(MappingScene::columnReference(QStringLiteral("E MAIL")),
                 QStringLiteral("\"E MAIL\""));
        QCOMPARE(MappingScene::columnReference(QStringLiteral("say \"hi\"")),
                 QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(MappingScene::columnReference(QStringLiteral("order")),
                 QStringLiteral("\"order\"")); // a keyword is quoted too
    }
};

QTEST_MAIN(TestMappingCanvas)
#include "tst_mappingcanvas.moc"
