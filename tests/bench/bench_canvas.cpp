// The mapping canvas on a project of 300 source and 300 target tables of 40 columns each, fully
// mapped: the time to open the overview and one mapping's column level, the frame time while
// zooming and panning each (median and 95th percentile; bars 16 ms and 50 ms), and the time from
// a drop to its line drawn. The reference is a frame of the same view with an empty scene, in
// the same run. Offscreen; prints medians and fails when a bar is missed.
#include "BenchFigures.h"
#include "ColumnMappingModel.h"
#include "ProjectDocument.h"
#include "canvas/CanvasMinimap.h"
#include "canvas/CanvasView.h"
#include "canvas/ColumnPort.h"
#include "canvas/LineageLine.h"
#include "canvas/MappingCanvas.h"
#include "canvas/MappingScene.h"
#include "canvas/OverviewCanvas.h"
#include "canvas/OverviewScene.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <algorithm>
#include <cstdio>

using namespace cutover;

namespace {

constexpr int kTables = 300;
constexpr int kColumns = 40;
constexpr int kFrames = 120;

DatabaseSchema schema(const char *prefix)
{
    DatabaseSchema result;
    for (int t = 0; t < kTables; ++t) {
        TableInfo table;
        table.name =
            QStringLiteral("%1%2").arg(QLatin1String(prefix)).arg(t, 3, 10, QLatin1Char('0'));
        table.rowEstimate = 1000 + t;
        for (int c = 0; c < kColumns; ++c) {
            ColumnInfo column;
            column.name = QStringLiteral("c%1").arg(c, 2, 10, QLatin1Char('0'));
            column.declaredType = c == 0 ? QStringLiteral("INTEGER") : QStringLiteral("TEXT");
            column.primaryKeyPosition = c == 0 ? 1 : 0;
            column.nullable = c != 0;
            table.columns.append(column);
        }
        result.tables.append(table);
    }
    return result;
}

ProjectCheck::Outcome outcome()
{
    ProjectCheck::Outcome o;
    o.source = schema("S");
    o.target = schema("t");
    o.sourceAvailable = o.targetAvailable = true;
    for (int t = 0; t < kTables; ++t) {
        TableMapping m;
        // every table reads its own source, a tenth two sources' worth of columns
        m.source = o.source.tables.at((t * 7) % kTables).name;
        m.target = o.target.tables.at(t).name;
        for (int c = 0; c < kColumns; ++c) {
            const QString name = QStringLiteral("c%1").arg(c, 2, 10, QLatin1Char('0'));
            ColumnMapping column;
            column.target = name;
            column.expression = QStringLiteral("upper(%1)").arg(name);
            m.columns.append(column);
            o.lineage.insert(m.target + QLatin1Char('.') + name, {name});
        }
        o.project.mappings.append(m);
    }
    return o;
}

double elapsedMs(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

double percentile(QList<double> values, double share)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty()
               ? 0
               : values.at(qMin(values.size() - 1, qsizetype(share * double(values.size()))));
}

// Frame times of a view while zooming in and out and panning across the scene.
QList<double> frames(CanvasView &view)
{
    QList<double> times;
    for (int i = 0; i < kFrames; ++i) {
        switch (i % 4) {
        case 0:
            view.zoomBy(i % 8 < 4 ? 1.1 : 1 / 1.1);
            break;
        case 1:
            view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->value() + 60);
            break;
        case 2:
            view.verticalScrollBar()->setValue(view.verticalScrollBar()->value() + 90);
            break;
        default:
            view.zoomBy(i % 8 < 4 ? 1.05 : 1 / 1.05);
        }
        QElapsedTimer clock;
        clock.start();
        const QPixmap frame = view.viewport()->grab(); // a full paint of what shows
        Q_UNUSED(frame);
        times.append(elapsedMs(clock));
    }
    return times;
}

void report(const char *what, const QList<double> &times)
{
    std::printf("%-44s median %7.2f ms   95th %7.2f ms   (%s)\n", what, test::median(times),
                percentile(times, 0.95),
                qPrintable(test::list(times.mid(0, 8), 1) + QStringLiteral(" ...")));
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const ProjectCheck::Outcome check = outcome();
    ProjectDocument document;
    document.reset(check.project);

    // the reference: a frame of the same view over nothing
    CanvasView empty;
    QGraphicsScene nothing;
    empty.setScene(&nothing);
    empty.resize(1400, 900);
    empty.show();
    const QList<double> reference = frames(empty);

    // the overview: 300 mappings
    OverviewCanvas overview(document);
    overview.resize(1400, 900);
    overview.show();
    QList<double> openOverview;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer clock;
        clock.start();
        overview.scene()->setOutcome(check);
        overview.view()->viewport()->grab();
        openOverview.append(elapsedMs(clock));
    }
    const QList<double> overviewFrames = frames(*overview.view());
    overview.view()->fit(); // every mapping in view at once: the most to draw
    const QList<double> overviewWholeFrames = frames(*overview.view());
    // the minimap's picture of all 600 tables, drawn again a moment after the scene changes
    auto *minimap = overview.view()->findChild<CanvasMinimap *>();
    QList<double> minimapRedraws;
    for (int run = 0; minimap && run < 5; ++run) {
        QElapsedTimer clock;
        clock.start();
        minimap->redraw();
        minimapRedraws.append(elapsedMs(clock));
    }

    // one mapping's column level
    ColumnMappingModel columns(document);
    columns.setSchemas(check.source, check.target);
    columns.setLineage(check.lineage);
    MappingCanvas canvas(document, columns);
    canvas.resize(1400, 900);
    canvas.show();
    QList<double> openColumns;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer clock;
        clock.start();
        columns.setMapping(run * 17);
        canvas.view()->viewport()->grab();
        openColumns.append(elapsedMs(clock));
    }
    const QList<double> columnFrames = frames(*canvas.view());

    // a drop: map a column again onto a different source column, until its line is drawn
    QList<double> drops;
    for (int run = 0; run < 9; ++run) {
        const QString target = QStringLiteral("c%1").arg(run + 1, 2, 10, QLatin1Char('0'));
        const QString source =
            QStringLiteral("c%1").arg(kColumns - 1 - run, 2, 10, QLatin1Char('0'));
        QElapsedTimer clock;
        clock.start();
        canvas.scene()->map(source, target);
        canvas.view()->viewport()->grab();
        drops.append(elapsedMs(clock));
        const auto lines = canvas.scene()->linesTo(target);
        if (lines.size() != 1 || !lines.first()->from() ||
            lines.first()->from()->name() != source) {
            std::fprintf(stderr, "the dropped line for %s is not drawn from %s\n",
                         qPrintable(target), qPrintable(source));
            return 1;
        }
    }

    std::printf("canvas: %d source and %d target tables of %d columns, fully mapped\n", kTables,
                kTables, kColumns);
    report("reference: a frame of an empty scene", reference);
    report("open the overview (300 mappings)", openOverview);
    report("overview frame, zooming and panning", overviewFrames);
    report("overview frame, all 300 in view", overviewWholeFrames);
    report("overview minimap redrawn (one stall)", minimapRedraws);
    report("open a mapping's column level", openColumns);
    report("column level frame, zooming and panning", columnFrames);
    report("drop to line drawn", drops);
    const bool ok = test::median(overviewFrames) <= 16 && percentile(overviewFrames, 0.95) <= 50 &&
                    test::median(overviewWholeFrames) <= 16 &&
                    percentile(overviewWholeFrames, 0.95) <= 50 &&
                    test::median(columnFrames) <= 16 && percentile(columnFrames, 0.95) <= 50;
    std::printf("%s (bars: frame median 16 ms, 95th percentile 50 ms)\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
