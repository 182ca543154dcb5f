#include "canvas/MappingCanvas.h"

#include "ColumnMappingModel.h"
#include "canvas/CanvasExportButton.h"
#include "canvas/CanvasStyle.h"
#include "canvas/CanvasView.h"
#include "canvas/ColumnPort.h"
#include "canvas/MappingScene.h"
#include "canvas/TableBox.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>

namespace cutover {

namespace {

using State = ColumnMappingModel::State;

// A short sample of a line style, for the legend.
QPixmap lineSample(State state, qreal ratio)
{
    QPixmap sample(QSize(36, 12) * ratio);
    sample.setDevicePixelRatio(ratio);
    sample.fill(Qt::transparent);
    QPainter painter(&sample);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(CanvasStyle::linePen(state, false));
    painter.drawLine(QPointF(2, 6), QPointF(34, 6));
    return sample;
}

QToolButton *toolButton(QWidget *parent, const QString &text, const QString &tip)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setAutoRaise(true);
    return button;
}

} // namespace

MappingCanvas::MappingCanvas(ProjectDocument &document, ColumnMappingModel &columns,
                             QWidget *parent)
    : QWidget(parent)
    , m_columns(columns)
    , m_scene(new MappingScene(document, columns, this))
    , m_view(new CanvasView(this))
{
    setObjectName(QStringLiteral("mappingCanvas"));
    m_view->setScene(m_scene);
    auto *zoomIn = toolButton(this, QStringLiteral("+"), tr("Zoom in (Ctrl++ or the wheel)"));
    auto *zoomOut = toolButton(this, QStringLiteral("\u2212"), tr("Zoom out (Ctrl+-)"));
    auto *fit = toolButton(this, tr("Fit"), tr("Fit the mapping in the view (Ctrl+0)"));
    connect(zoomIn, &QToolButton::clicked, m_view, [this] { m_view->zoomBy(1.25); });
    connect(zoomOut, &QToolButton::clicked, m_view, [this] { m_view->zoomBy(1 / 1.25); });
    connect(fit, &QToolButton::clicked, m_view, &CanvasView::fit);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    auto *hint = new QLabel(tr("Drag a source column onto a target column to map it; select a "
                               "line and press Del to unmap."),
                            this);
    hint->setWordWrap(true);
    hint->setMinimumWidth(120);
    bar->addWidget(hint, 1);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("canvasSearch"));
    m_search->setPlaceholderText(tr("Find a column"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(180);
    connect(m_search, &QLineEdit::textChanged, this, &MappingCanvas::find);
    bar->addWidget(m_search);
    bar->addWidget(zoomOut);
    bar->addWidget(zoomIn);
    bar->addWidget(fit);
    bar->addWidget(new CanvasExportButton(*m_scene, tr("columns"), this));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(createLegend());

    connect(m_view, &CanvasView::deletePressed, m_scene, &MappingScene::unmapSelected);
    connect(m_scene, &MappingScene::droppedOnMapped, this, &MappingCanvas::askReplaceOrAppend);
    connect(m_scene, &MappingScene::columnChosen, this, &MappingCanvas::columnChosen);
    connect(m_view, &CanvasView::stepRequested, this, &MappingCanvas::step);
}

QWidget *MappingCanvas::createLegend()
{
    auto *legend = new QWidget(this);
    legend->setObjectName(QStringLiteral("canvasLegend"));
    auto *row = new QHBoxLayout(legend);
    row->setContentsMargins(4, 0, 4, 0);
    const qreal ratio = devicePixelRatioF();
    const QList<std::pair<State, QString>> styles{{State::Mapped, tr("mapped")},
                                                  {State::Warning, tr("loss risk")},
                                                  {State::Error, tr("error")}};
    for (const auto &[state, word] : styles) {
        auto *sample = new QLabel(legend);
        sample->setPixmap(lineSample(state, ratio));
        sample->setToolTip(CanvasStyle::stateWord(state));
        row->addWidget(sample);
        auto *label = new QLabel(word, legend);
        label->setToolTip(CanvasStyle::stateWord(state));
        row->addWidget(label);
        row->addSpacing(10);
    }
    auto *marks = new QLabel(tr("! required   f no source column   \u2022 not null"), legend);
    marks->setToolTip(tr("! a NOT NULL column without a default that nothing maps; f a column "
                         "fed by a constant or an expression that reads no source column; "
                         "\u2022 a NOT NULL column"));
    row->addWidget(marks);
    row->addStretch(1);
    return legend;
}

bool MappingCanvas::showColumn(const QString &column)
{
    ColumnPort *port = m_scene->selectColumn(column);
    if (port)
        m_view->centerOn(port);
    return port;
}

void MappingCanvas::find(const QString &text)
{
    if (ColumnPort *port = m_scene->findColumn(text))
        showColumn(port->name());
}

// Up and Down walk the target columns, as the table's rows.
void MappingCanvas::step(int delta)
{
    const TableBox *target = m_scene->targetBox();
    if (!target || target->ports().isEmpty())
        return;
    qsizetype at = -1;
    const QString current = m_scene->selectedTargetColumn();
    for (qsizetype i = 0; i < target->ports().size(); ++i)
        if (target->ports().at(i)->name() == current)
            at = i;
    const qsizetype next =
        qBound(qsizetype(0), at < 0 ? 0 : at + delta, target->ports().size() - 1);
    const QString column = target->ports().at(next)->name();
    showColumn(column);
    Q_EMIT columnChosen(column);
}

void MappingCanvas::askReplaceOrAppend(const QString &source, const QString &target,
                                       const QPoint &at)
{
    const QString before = m_columns.expression(target);
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("dropMenu"));
    QAction *replace =
        menu.addAction(tr("Replace: %1 = %2").arg(target, MappingScene::columnReference(source)));
    QAction *append =
        menu.addAction(tr("Append: %1 = %2").arg(target, MappingScene::appended(before, source)));
    menu.addSeparator();
    menu.addAction(tr("Cancel"));
    QAction *chosen = menu.exec(at);
    if (chosen == replace)
        m_scene->map(source, target, MappingScene::DropAction::Replace);
    else if (chosen == append)
        m_scene->map(source, target, MappingScene::DropAction::Append);
}

} // namespace cutover
