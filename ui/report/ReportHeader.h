#pragma once

#include "reconcile/ReconcileReport.h"

#include <QWidget>

class QLabel;

namespace cutover {

class ElidedLabel;

// The top of the report viewer: the report's verdict as a badge (icon shape, word and colour:
// Pass, Needs review, Fail), what was reconciled (project, run, when, source and target, how
// long, whether sensitive values are masked) and the totals in a sentence.
class ReportHeader : public QWidget
{
    Q_OBJECT

public:
    explicit ReportHeader(QWidget *parent = nullptr);

    void setReport(const ReconcileReport &report);
    // No report: what to do to get one.
    void clear(const QString &message = {});

    QString badgeText() const;
    QString factsText() const;
    QString summaryText() const;

    // "2 of 5 tables fail, 1 needs review · 3 missing, 1 modified of 1,234 expected rows".
    static QString summary(const ReconcileReport &report);
    static QString facts(const ReconcileReport &report);

private:
    void setBadge(ReconcileStatus status, bool shown);

    QLabel *m_icon = nullptr;
    QLabel *m_badge = nullptr;
    QLabel *m_title = nullptr;
    ElidedLabel *m_facts = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace cutover
