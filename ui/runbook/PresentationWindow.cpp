#include "runbook/PresentationWindow.h"

#include "ElidedLabel.h"
#include "RunbookSession.h"
#include "runbook/PresentationGatePanel.h"
#include "runbook/PresentationHeader.h"
#include "runbook/PresentationStepPage.h"
#include "runbook/SignOffDialog.h"

#include <QCloseEvent>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QScreen>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace cutover {

namespace {

using Tone = PresentationStyle::Tone;

// Scales below this change are not worth restyling every widget for.
constexpr double kRestyleStep = 0.02;
// At 1080 lines, like the style sheet's sizes.
constexpr int kMargin = 56;
constexpr int kMarginTop = 28;
constexpr int kMarginBottom = 20;
constexpr int kSpacing = 14;

QFrame *rule(QWidget *parent)
{
    auto *line = new QFrame(parent);
    PresentationStyle::setRole(line, "rule");
    return line;
}

} // namespace

PresentationWindow::PresentationWindow(RunbookSession &session, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_session(session)
    , m_header(new PresentationHeader(this))
    , m_page(new PresentationStepPage(this))
    , m_empty(new QLabel(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("presentation"));
    setWindowTitle(tr("Cutover runbook \u2013 presentation"));
    setAttribute(Qt::WA_StyledBackground);
    setFocusPolicy(Qt::StrongFocus);
    PresentationStyle::setRole(m_empty, "title");
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    PresentationStyle::setRole(m_message, "body");
    m_message->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(kMargin, kMarginTop, kMargin, kMarginBottom);
    layout->setSpacing(kSpacing);
    // The screen decides the size and the style follows it (resizeEvent), not the other way.
    layout->setSizeConstraint(QLayout::SetNoConstraint);
    layout->addWidget(m_header);
    layout->addWidget(rule(this));
    layout->addWidget(m_page, 1);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_message);
    layout->addWidget(rule(this));
    layout->addWidget(makeFooter());
    restyle(PresentationStyle::kDesignHeight);

    PresentationGatePanel *gate = m_page->gatePanel();
    connect(gate, &PresentationGatePanel::signOffRequested, this, &PresentationWindow::askSignOff);
    connect(gate, &PresentationGatePanel::goRequested, this, &PresentationWindow::recordGo);
    connect(gate, &PresentationGatePanel::noGoRequested, this, &PresentationWindow::askNoGo);
    connect(&session, &RunbookSession::documentChanged, this, &PresentationWindow::render);
    connect(&session, &RunbookSession::changed, this, [this](const QString &what) {
        showMessage(QStringLiteral("\u2713 ") + what, Tone::Good);
    });
    connect(&session, &RunbookSession::refused, this, [this](const QString &message) {
        showMessage(QStringLiteral("\u2715 ") + message, Tone::Bad);
    });
    showMessage({}, Tone::Plain);
    render();
}

QWidget *PresentationWindow::makeFooter()
{
    auto *footer = new QWidget(this);
    m_previous = new ElidedLabel(footer);
    m_next = new ElidedLabel(footer);
    auto *keys = new QLabel(tr("\u2190 \u2192 or PageUp/PageDown \u00b7 Esc to leave"), footer);
    for (QLabel *label : {static_cast<QLabel *>(m_previous), static_cast<QLabel *>(m_next), keys})
        PresentationStyle::setRole(label, "footer");
    m_previous->setElideMode(Qt::ElideRight);
    m_next->setElideMode(Qt::ElideRight);
    m_next->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    keys->setAlignment(Qt::AlignCenter);
    auto *layout = new QHBoxLayout(footer);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(32);
    layout->addWidget(m_previous, 1);
    layout->addWidget(keys);
    layout->addWidget(m_next, 1);
    return footer;
}

QScreen *PresentationWindow::screenFor(const QWidget *mainWindow)
{
    const QList<QScreen *> screens = QGuiApplication::screens();
    QScreen *main = mainWindow ? mainWindow->screen() : QGuiApplication::primaryScreen();
    if (screens.size() >= 2)
        for (QScreen *screen : screens)
            if (screen != main)
                return screen;
    return main;
}

void PresentationWindow::present(const QString &startStepId, QWidget *mainWindow)
{
    m_wantedStart = startStepId;
    m_stepId.clear();
    if (QScreen *screen = screenFor(mainWindow)) {
        restyle(screen->geometry().height());
        setScreen(screen);
        setGeometry(screen->geometry());
    }
    render();
    showFullScreen();
    raise();
    activateWindow();
    setFocus();
}

PresentationGatePanel *PresentationWindow::gatePanel() const
{
    return m_page->gatePanel();
}

QString PresentationWindow::messageText() const
{
    return m_message->text();
}

void PresentationWindow::setRunProgress(const QString &text, double fraction)
{
    m_header->setRunProgress(text, fraction);
}

void PresentationWindow::clearRunProgress()
{
    m_header->clearRunProgress();
}

qsizetype PresentationWindow::indexOf(const QString &id) const
{
    const auto &document = m_session.document();
    if (!document)
        return -1;
    for (qsizetype i = 0; i < document->steps.size(); ++i)
        if (document->steps[i].plan.id == id)
            return i;
    return -1;
}

QString PresentationWindow::startStep(const QString &wanted) const
{
    const auto &document = m_session.document();
    if (!document || document->steps.isEmpty())
        return {};
    if (indexOf(wanted) >= 0)
        return wanted;
    for (const auto &step : document->steps)
        if (step.state.status == StepStatus::InProgress)
            return step.plan.id;
    for (const auto &step : document->steps)
        if (!step.state.isFinished() && !step.plan.isContingency())
            return step.plan.id;
    return document->steps.first().plan.id;
}

void PresentationWindow::render()
{
    const auto &document = m_session.document();
    const bool shown = document && !document->steps.isEmpty();
    m_page->setVisible(shown);
    m_empty->setVisible(!shown);
    if (!shown) {
        m_empty->setText(!m_session.readError().isEmpty() ? m_session.readError()
                         : document                       ? tr("This project has no runbook yet.")
                                                          : tr("Reading the runbook\u2026"));
        m_previous->setFullText({});
        m_next->setFullText({});
        return;
    }
    m_header->setDocument(*document);
    if (indexOf(m_stepId) < 0) {
        m_stepId = startStep(m_wantedStart);
        m_wantedStart.clear();
        Q_EMIT currentStepChanged(m_stepId);
    }
    const qsizetype index = indexOf(m_stepId);
    m_page->setStep(*document, index);
    renderNeighbours(index);
}

void PresentationWindow::renderNeighbours(qsizetype index)
{
    const auto &steps = m_session.document()->steps;
    m_previous->setFullText(index > 0 ? QStringLiteral("\u25c0 ") + steps[index - 1].plan.title
                                      : QString());
    m_next->setFullText(index + 1 < steps.size()
                            ? steps[index + 1].plan.title + QStringLiteral(" \u25b6")
                            : QString());
}

void PresentationWindow::showAt(qsizetype index)
{
    const auto &document = m_session.document();
    if (!document || index < 0 || index >= document->steps.size())
        return;
    const QString id = document->steps[index].plan.id;
    if (id == m_stepId)
        return;
    m_stepId = id;
    showMessage({}, Tone::Plain); // a message is about the step it was said on
    render();
    Q_EMIT currentStepChanged(id);
}

void PresentationWindow::showStep(const QString &id)
{
    showAt(indexOf(id));
}

void PresentationWindow::moveBy(qsizetype delta)
{
    const auto &document = m_session.document();
    if (!document || document->steps.isEmpty())
        return;
    const qsizetype last = document->steps.size() - 1;
    showAt(std::clamp<qsizetype>(indexOf(m_stepId) + delta, 0, last));
}

void PresentationWindow::next()
{
    moveBy(1);
}

void PresentationWindow::back()
{
    moveBy(-1);
}

void PresentationWindow::first()
{
    showAt(0);
}

void PresentationWindow::last()
{
    const auto &document = m_session.document();
    if (document)
        showAt(document->steps.size() - 1);
}

void PresentationWindow::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_PageDown:
    case Qt::Key_Space:
        next();
        break;
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_PageUp:
        back();
        break;
    case Qt::Key_Home:
        first();
        break;
    case Qt::Key_End:
        last();
        break;
    case Qt::Key_Escape:
        close();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void PresentationWindow::closeEvent(QCloseEvent *event)
{
    QWidget::closeEvent(event);
    if (event->isAccepted())
        Q_EMIT closed();
}

void PresentationWindow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    restyle(height());
}

void PresentationWindow::restyle(int forHeight)
{
    const double scale = PresentationStyle::scaleFor(forHeight);
    if (std::abs(scale - m_scale) < kRestyleStep)
        return;
    m_scale = scale;
    setStyleSheet(PresentationStyle::styleSheet(scale));
    const int margin = qRound(kMargin * scale);
    layout()->setContentsMargins(margin, qRound(kMarginTop * scale), margin,
                                 qRound(kMarginBottom * scale));
    layout()->setSpacing(qRound(kSpacing * scale));
}

void PresentationWindow::showMessage(const QString &text, Tone tone)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    PresentationStyle::setTone(m_message, tone);
}

void PresentationWindow::askSignOff()
{
    const auto &document = m_session.document();
    if (!document || m_signOffDialog)
        return;
    const QString id = m_stepId;
    m_signOffDialog = new SignOffDialog(*document, id, this);
    m_signOffDialog->setAttribute(Qt::WA_DeleteOnClose);
    SignOffDialog *dialog = m_signOffDialog;
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, id] { m_session.signOff(id, dialog->signOff()); });
    dialog->open();
}

void PresentationWindow::recordGo()
{
    m_session.finishStep(m_stepId, StepStatus::Done);
}

void PresentationWindow::askNoGo()
{
    const QString id = m_stepId;
    auto *input = new QInputDialog(this);
    input->setAttribute(Qt::WA_DeleteOnClose);
    input->setWindowTitle(tr("Record NO-GO"));
    input->setLabelText(tr("Why is it a no-go?"));
    input->setOkButtonText(tr("Record NO-GO"));
    connect(input, &QInputDialog::textValueSelected, this, [this, id](const QString &why) {
        m_session.finishStep(id, StepStatus::Failed, StepChange{why.trimmed()});
    });
    input->open();
}

} // namespace cutover
