#include "run/RunComparisonView.h"

#include "RunComparisonModel.h"
#include "RunHistoryModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace cutover {

RunComparisonView::RunComparisonView(QWidget *parent)
    : QWidget(parent)
    , m_model(new RunComparisonModel(this))
{
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_changes = new QListWidget(this);
    m_changes->setWordWrap(true);
    auto *changesBox = new QWidget(this);
    auto *changesLayout = new QVBoxLayout(changesBox);
    changesLayout->setContentsMargins(0, 0, 0, 0);
    changesLayout->addWidget(new QLabel(tr("What changed in the mappings between them:"), this));
    changesLayout->addWidget(m_changes);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(changesBox);
    split->setChildrenCollapsible(false);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(split, 1);
}

void RunComparisonView::setRuns(const RunRecord &first, const RunRecord &second)
{
    m_model->setRuns(first, second);
    const QLocale locale;
    auto describe = [&locale](const RunRecord &run) {
        return tr("%1 (%2, %3, %4)")
            .arg(run.runId.left(8), RunHistoryModel::modeText(run),
                 locale.toString(run.startedAt.toLocalTime(), QLocale::ShortFormat),
                 runStatusName(run.status));
    };
    m_title->setText(tr("A: run %1, the earlier.   B: run %2.")
                         .arg(describe(m_model->earlier()), describe(m_model->later())));
    m_changes->clear();
    m_changes->addItems(m_model->mappingChanges());
}

} // namespace cutover
