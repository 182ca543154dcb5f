#include "RunbookActions.h"

#include "RunbookExportActions.h"
#include "RunbookView.h"

#include <QAction>
#include <QKeySequence>
#include <QMenu>

namespace cutover {

RunbookActions::RunbookActions(RunbookView &view, std::function<void()> showView, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_showView(std::move(showView))
{
    m_show = add(tr("Show &Runbook"), [] {});
    m_show->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_advisor = add(tr("Strategy &Advisor…"), [this] { m_view.openAdvisor(); });
    m_present = add(tr("&Present"), [this] { m_view.present(m_view.currentStep()); });
    m_present->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_present->setToolTip(tr("Presentation mode for the cutover meeting, from the chosen step"));
    m_copyStatus = add(tr("&Copy Status Update"), [this] { m_view.exports()->copyStatusUpdate(); });
    m_auditTrail = add(tr("Audit &Trail…"), [this] { m_view.openAuditTrail(); });
}

QAction *RunbookActions::add(const QString &text, const std::function<void()> &act)
{
    auto *action = new QAction(text, this);
    connect(action, &QAction::triggered, this, [this, act] {
        m_showView();
        act();
    });
    return action;
}

QMenu *RunbookActions::createMenu(QWidget *parent) const
{
    auto *menu = new QMenu(tr("Run&book"), parent);
    menu->addAction(m_show);
    menu->addAction(m_advisor);
    menu->addSeparator();
    menu->addAction(m_present);
    menu->addAction(m_copyStatus);
    menu->addAction(m_auditTrail);
    return menu;
}

} // namespace cutover
