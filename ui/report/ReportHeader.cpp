#include "report/ReportHeader.h"

#include "ElidedLabel.h"
#include "ReportPalette.h"
#include "report/ReportFacts.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>

namespace cutover {

ReportHeader::ReportHeader(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_badge(new QLabel(this))
    , m_title(new QLabel(this))
    , m_facts(new ElidedLabel(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("reportHeader"));
    m_badge->setObjectName(QStringLiteral("reportBadge"));
    m_badge->setAlignment(Qt::AlignCenter);
    m_badge->setMargin(6);
    QFont big = m_badge->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_badge->setFont(big);
    m_title->setFont(big);
    m_facts->setElideMode(Qt::ElideRight);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(10);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_icon, 0, 0, 2, 1, Qt::AlignTop);
    layout->addWidget(m_badge, 0, 1, 2, 1, Qt::AlignTop);
    layout->addWidget(m_title, 0, 2);
    layout->addWidget(m_facts, 1, 2);
    layout->addWidget(m_summary, 2, 1, 1, 2);
    layout->setColumnStretch(2, 1);
    clear();
}

void ReportHeader::setBadge(ReconcileStatus status, bool shown)
{
    m_icon->setVisible(shown);
    m_badge->setVisible(shown);
    if (!shown)
        return;
    const int side = m_badge->fontMetrics().height() * 2;
    m_icon->setPixmap(ReportPalette::statusIcon(status).pixmap(side, side));
    m_badge->setText(reconcileStatusTitle(status).toUpper()); // beside its icon
    m_badge->setStyleSheet(QStringLiteral("QLabel { color: %1; background: %2; border: 1px solid "
                                          "%1; border-radius: 4px; padding: 2px 10px; }")
                               .arg(ReportPalette::statusColour(status).name(),
                                    ReportPalette::statusTint(status).name()));
}

void ReportHeader::setReport(const ReconcileReport &report)
{
    setBadge(report.status, true);
    m_title->setText(tr("Reconciliation report: %1").arg(report.project));
    m_facts->setFullText(facts(report));
    m_facts->setVisible(true);
    m_summary->setText(summary(report));
    m_summary->setVisible(true);
}

void ReportHeader::clear(const QString &message)
{
    setBadge(ReconcileStatus::Pass, false);
    m_title->setText(tr("Reconciliation report"));
    m_facts->setFullText(QString());
    m_facts->setVisible(false);
    m_summary->setText(message); // without one, the viewer's placeholder says what to do
    m_summary->setVisible(!message.isEmpty());
}

QString ReportHeader::badgeText() const
{
    return m_badge->isVisibleTo(this) ? m_badge->text() : QString();
}

QString ReportHeader::factsText() const
{
    return m_facts->fullText();
}

QString ReportHeader::summaryText() const
{
    return m_summary->text();
}

namespace {

// A database file by its name ("sqlite:modern.sqlite"): its folder, often long or temporary, is
// in the exported report; a server's URL as it is.
QString shortName(const QString &database)
{
    const qsizetype colon = database.indexOf(QLatin1Char(':'));
    const QString scheme = database.left(colon);
    if (colon < 0 || (scheme != QLatin1String("sqlite") && scheme != QLatin1String("csv")))
        return database;
    return scheme + QLatin1Char(':') + QFileInfo(database.mid(colon + 1)).fileName();
}

} // namespace

QString ReportHeader::facts(const ReconcileReport &report)
{
    QStringList parts;
    if (!report.runId.isEmpty())
        parts << tr("run %1").arg(report.runId.left(8));
    parts << ReportFacts::when(report.createdAt);
    parts << tr("took %1").arg(ReportFacts::duration(report.durationMs));
    parts << (report.masked ? tr("sensitive values masked") : tr("sensitive values shown"));
    parts << ReportFacts::scope(report);
    parts << tr("%1 \u2192 %2").arg(shortName(report.source), shortName(report.target));
    return parts.join(QStringLiteral(" \u00b7 "));
}

QString ReportHeader::summary(const ReconcileReport &report)
{
    QMap<ReconcileStatus, int> tables;
    for (const TableReconciliation &t : report.tables)
        ++tables[t.status];
    QStringList verdicts;
    if (const int n = tables.value(ReconcileStatus::Fail))
        verdicts << tr("%1 of %2 tables fail").arg(n).arg(report.tables.size());
    if (const int n = tables.value(ReconcileStatus::NeedsReview))
        verdicts << tr("%1 of %2 need review").arg(n).arg(report.tables.size());
    if (verdicts.isEmpty())
        verdicts << tr("all %1 tables pass").arg(report.tables.size());
    const auto total = [&](qint64 TableReconciliation::*field) {
        return ReportFacts::count(report.total(field));
    };
    return tr("%1 \u00b7 %2 missing, %3 extra, %4 modified of %5 expected rows; %6 quarantined")
        .arg(verdicts.join(QStringLiteral(", ")), total(&TableReconciliation::missing),
             total(&TableReconciliation::extra), total(&TableReconciliation::modified),
             total(&TableReconciliation::expectedRows), total(&TableReconciliation::quarantined));
}

} // namespace cutover
