#include "ProblemsPane.h"

#include "ProblemListModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace cutover {

ProblemsPane::ProblemsPane(QWidget *parent)
    : QWidget(parent)
    , m_model(new ProblemListModel(this))
    , m_view(new QTreeView(this))
    , m_summary(new QLabel(this))
    , m_hint(new QLabel(tr("Double-click a problem to find its table or column"), this))
{
    setObjectName(QStringLiteral("problemsPane"));
    m_view->setObjectName(QStringLiteral("problemsView"));
    m_summary->setObjectName(QStringLiteral("problemsSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_hint->setStyleSheet(QStringLiteral("color: #5f6b7a;"));

    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ProblemListModel::MessageColumn, QHeaderView::Stretch);
    header->resizeSection(ProblemListModel::SeverityColumn, 96);
    header->resizeSection(ProblemListModel::LocationColumn, 300);
    header->resizeSection(ProblemListModel::CodeColumn, 170);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_summary);
    top->addStretch(1);
    top->addWidget(m_hint);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_view, &QAbstractItemView::activated, this, &ProblemsPane::activateRow);
    connect(m_model, &ProblemListModel::countsChanged, this, &ProblemsPane::updateSummary);
    updateSummary();
}

void ProblemsPane::setProblems(const QList<Problem> &problems)
{
    m_model->setProblems(problems);
}

void ProblemsPane::clear()
{
    m_model->clear();
}

QString ProblemsPane::summaryText() const
{
    return m_model->summary();
}

void ProblemsPane::activateRow(const QModelIndex &index)
{
    if (index.isValid())
        Q_EMIT problemActivated(m_model->problem(index.row()));
}

void ProblemsPane::updateSummary()
{
    if (m_model->rowCount() == 0) {
        m_summary->setText(QStringLiteral("<b>%1</b>").arg(m_model->summary().toHtmlEscaped()));
        m_hint->hide();
        return;
    }
    QStringList parts;
    const auto part = [this, &parts](Problem::Severity severity, const char *one,
                                     const char *many) {
        const int n = m_model->count(severity);
        if (n == 0)
            return;
        parts << QStringLiteral("<span style=\"color:%1\"><b>%2</b> %3</span>")
                     .arg(ProblemListModel::severityColour(severity).name())
                     .arg(n)
                     .arg(QLatin1String(n == 1 ? one : many));
    };
    part(Problem::Severity::Error, "error", "errors");
    part(Problem::Severity::Warning, "warning", "warnings");
    part(Problem::Severity::Info, "note", "notes");
    m_summary->setText(parts.join(QStringLiteral(", ")));
    m_hint->show();
}

} // namespace cutover
