#pragma once

#include <QObject>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace cutover {

class RunbookView;

// The Runbook menu: show the runbook, the strategy advisor, presentation mode (Shift+F5, as
// slide software starts from the current slide), copy the status update, the audit trail. Each
// brings the runbook page forward first.
class RunbookActions : public QObject
{
    Q_OBJECT

public:
    RunbookActions(RunbookView &view, std::function<void()> showView, QObject *parent = nullptr);

    QMenu *createMenu(QWidget *parent) const;

    QAction *showAction() const { return m_show; }
    QAction *advisorAction() const { return m_advisor; }
    QAction *presentAction() const { return m_present; }
    QAction *copyStatusAction() const { return m_copyStatus; }
    QAction *auditTrailAction() const { return m_auditTrail; }

private:
    QAction *add(const QString &text, const std::function<void()> &act);

    RunbookView &m_view;
    std::function<void()> m_showView;
    QAction *m_show = nullptr;
    QAction *m_advisor = nullptr;
    QAction *m_present = nullptr;
    QAction *m_copyStatus = nullptr;
    QAction *m_auditTrail = nullptr;
};

} // namespace cutover
