#include "canvas/MappingCanvas.h"

#include "ColumnMappingModel.h"
#include "canvas/CanvasExportButton.h"
#include "canvas/CanvasMinimap.h"
#include "canvas/CanvasStyle.h"
#include "canvas/CanvasView.h"
#include "canvas/ColumnPort.h"
#include "canvas/MappingScene.h"
#include "canvas/SuggestionBar.h"
#include "canvas/TableBox.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace cutover {

namespace {

using State = ColumnMappingModel::State;

// A short sample of a line style, for the legend.
QPixmap lineSample(const QPen &pen, qreal ratio)
{
    QPixmap sample(QSize(36, 12) * ratio);
    sample.setDevicePixelRatio(ratio);
    sample.fill(Qt::transparent);
    QPainter painter(&sample);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(pen);
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
    new CanvasMinimap(m_view);
    auto *zoomIn = toolButton(this, QStringLiteral("+"), tr("Zoom in (Ctrl++ or the wheel)"));
    auto *zoomOut = toolButton(this, QStringLiteral("\u2212"), tr("Zoom out (Ctrl+-)"));
    auto *fit = toolButton(this, tr("Fit"), tr("Fit the mapping in the view (Ctrl+0)"));
    connect(zoomIn, &QToolButton::clicked, m_view, [this] { m_view->zoomBy(1.25); });
    connect(zoomOut, &QToolButton::clicked, m_view, [this] { m_view->zoomBy(1 / 1.25); });
    connect(fit, &QToolButton::clicked, m_view, &CanvasView::fit);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    auto *hint = new QLabel(tr("Drag a source column onto a target column to map it; select a "
                               "line and press Del to unmap. Arrow keys walk the columns and "
                               "lines."),
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
    m_suggestions = new SuggestionBar(document, columns, *m_scene, this);
    bar->addWidget(m_suggestions->suggestButton());
    bar->addWidget(m_search);
    bar->addWidget(zoomOut);
    bar->addWidget(zoomIn);
    bar->addWidget(fit);
    bar->addWidget(new CanvasExportButton(*m_scene, tr("columns"), this));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_suggestions);
    layout->addWidget(m_view, 1);
    layout->addWidget(createLegend());

    connect(m_view, &CanvasView::deletePressed, m_scene, &MappingScene::deleteSelected);
    connect(m_view, &CanvasView::acceptPressed, m_scene, &MappingScene::acceptSelected);
    connect(m_view, &CanvasView::followRequested, this, &MappingCanvas::follow);
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
        sample->setPixmap(lineSample(CanvasStyle::linePen(state, false), ratio));
        sample->setToolTip(CanvasStyle::stateWord(state));
        row->addWidget(sample);
        auto *label = new QLabel(word, legend);
        label->setToolTip(CanvasStyle::stateWord(state));
        row->addWidget(label);
        row->addSpacing(10);
    }
    auto *suggested = new QLabel(legend);
    suggested->setPixmap(lineSample(CanvasStyle::suggestionPen(false), ratio));
    row->addWidget(suggested);
    row->addWidget(new QLabel(tr("suggested"), legend));
    row->addSpacing(10);
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

void MappingCanvas::setPasswordProvider(const PasswordProvider *passwords)
{
    m_suggestions->setPasswordProvider(passwords);
}

void MappingCanvas::moveTo(const QString &column)
{
    showColumn(column);
    if (m_scene->targetBox() && m_scene->targetBox()->port(column))
        Q_EMIT columnChosen(column);
}

// Up and Down walk the columns of the side the keyboard is on (the target's, as the table's
// rows, at first).
void MappingCanvas::step(int delta)
{
    const ColumnPort *current = m_scene->currentPort();
    const TableBox *box = current && current->side() == ColumnPort::Side::Source
                              ? m_scene->sourceBox()
                              : m_scene->targetBox();
    if (!box || box->ports().isEmpty())
        return;
    const qsizetype at = current ? box->ports().indexOf(current) : -1;
    const qsizetype next = qBound(qsizetype(0), at < 0 ? 0 : at + delta, box->ports().size() - 1);
    moveTo(box->ports().at(next)->name());
}

// Left and Right cross a line: from a target column to the first source column it reads, from
// a source column back to the target column the keyboard came from, or the first it feeds.
void MappingCanvas::follow(int direction)
{
    ColumnPort *current = m_scene->currentPort();
    const auto towards = direction < 0 ? ColumnPort::Side::Target : ColumnPort::Side::Source;
    if (!current || current->side() != towards)
        return;
    const QList<ColumnPort *> linked = m_scene->linkedPorts(current);
    if (linked.isEmpty())
        return;
    ColumnPort *next = linked.first();
    if (direction > 0)
        for (ColumnPort *port : linked)
            if (port->name() == m_cameFrom)
                next = port;
    if (direction < 0)
        m_cameFrom = current->name();
    moveTo(next->name());
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
