#include "canvas/OverviewCanvas.h"

#include "canvas/CanvasExportButton.h"
#include "canvas/CanvasMinimap.h"
#include "canvas/CanvasView.h"
#include "canvas/MappingEdge.h"
#include "canvas/OverviewBox.h"
#include "canvas/OverviewScene.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace cutover {

OverviewCanvas::OverviewCanvas(ProjectDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_scene(new OverviewScene(document, this))
    , m_view(new CanvasView(this))
{
    setObjectName(QStringLiteral("overviewCanvas"));
    m_view->setScene(m_scene);
    new CanvasMinimap(m_view);
    auto *hint = new QLabel(tr("Each line is a table mapping, labelled with its mapped columns and "
                               "those with problems. Double-click one to open its columns; drag a "
                               "source table's dot onto a target table to map it."),
                            this);
    hint->setWordWrap(true);
    hint->setMinimumWidth(120);
    auto *fit = new QToolButton(this);
    fit->setText(tr("Fit"));
    fit->setToolTip(tr("Fit every mapping in the view (Ctrl+0)"));
    fit->setAutoRaise(true);
    connect(fit, &QToolButton::clicked, m_view, &CanvasView::fit);
    auto *relayout = new QToolButton(this);
    relayout->setObjectName(QStringLiteral("relayout"));
    relayout->setText(tr("Re-layout"));
    relayout->setToolTip(tr("Forget where tables were dragged and place them all again"));
    relayout->setAutoRaise(true);
    connect(relayout, &QToolButton::clicked, m_scene, &OverviewScene::relayout);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(hint, 1);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("overviewSearch"));
    m_search->setPlaceholderText(tr("Find a table"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(180);
    connect(m_search, &QLineEdit::textChanged, this, &OverviewCanvas::find);
    bar->addWidget(m_search);
    bar->addWidget(fit);
    bar->addWidget(relayout);
    bar->addWidget(new CanvasExportButton(*m_scene, tr("table mappings"), this));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
}

void OverviewCanvas::showMapping(qsizetype mapping)
{
    const QList<MappingEdge *> edges = m_scene->selectMapping(mapping);
    if (!edges.isEmpty())
        m_view->ensureVisible(edges.first(), 40, 40);
}

void OverviewCanvas::find(const QString &text)
{
    if (OverviewBox *box = m_scene->findTable(text))
        m_view->centerOn(box);
}

} // namespace cutover
