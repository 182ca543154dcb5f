#include "report/ReportComparisonPane.h"

#include "ReportComparisonModel.h"
#include "ReportPalette.h"
#include "report/ReportFacts.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace cutover {

ReportComparisonPane::ReportComparisonPane(QWidget *parent)
    : QWidget(parent)
    , m_model(new ReportComparisonModel(this))
    , m_earlier(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("reportComparison"));
    m_earlier->setObjectName(QStringLiteral("reportEarlier"));
    m_earlier->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_view->setObjectName(QStringLiteral("reportComparisonView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_summary->setWordWrap(true);

    auto *choose = new QHBoxLayout;
    choose->addWidget(new QLabel(tr("Compare with:"), this));
    choose->addWidget(m_earlier);
    choose->addWidget(m_summary, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(choose);
    layout->addWidget(m_view, 1);

    connect(m_earlier, &QComboBox::activated, this, [this](int index) {
        if (!m_filling)
            Q_EMIT earlierChosen(m_earlier->itemData(index).toString());
    });
    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex &index) {
        Q_EMIT tableChosen(index.data(ReportComparisonModel::TableNameRole).toString());
    });
    clear();
}

void ReportComparisonPane::setReports(const ReconcileReport &current,
                                      const ReportComparison &comparison)
{
    m_model->setReports(current, comparison);
    m_summary->setText(m_model->summary());
    m_view->resizeColumnsToContents();
    if (const ReconcileReport *previous = comparison.previous())
        selectEarlier(previous->reportId);
}

void ReportComparisonPane::setStoredReports(const QList<StoredReport> &stored,
                                            const ReconcileReport &current)
{
    const QString chosen = m_earlier->currentData().toString();
    m_filling = true;
    m_earlier->clear();
    for (const StoredReport &s : stored) {
        if (s.reportId == current.reportId ||
            (current.createdAt.isValid() && s.createdAt > current.createdAt))
            continue;
        m_earlier->addItem(ReportPalette::statusIcon(s.status),
                           tr("%1 \u00b7 %2 \u00b7 %3")
                               .arg(ReportFacts::when(s.createdAt), reconcileStatusTitle(s.status),
                                    s.reportId.left(8)),
                           s.reportId);
    }
    if (m_earlier->count() == 0)
        m_earlier->addItem(tr("no earlier report stored"), QString());
    m_earlier->setEnabled(!m_earlier->itemData(0).toString().isEmpty());
    selectEarlier(chosen);
    m_filling = false;
}

void ReportComparisonPane::clear()
{
    m_model->clear();
    m_summary->setText(m_model->summary());
    setStoredReports({}, ReconcileReport());
}

QString ReportComparisonPane::summaryText() const
{
    return m_summary->text();
}

void ReportComparisonPane::selectEarlier(const QString &reportId)
{
    const int index = m_earlier->findData(reportId);
    if (index >= 0)
        m_earlier->setCurrentIndex(index);
}

} // namespace cutover
