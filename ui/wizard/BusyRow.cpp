#include "wizard/BusyRow.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace cutover {

namespace {
constexpr int kBarWidth = 120;
}

BusyRow::BusyRow(QWidget *parent)
    : QWidget(parent)
    , m_bar(new QProgressBar(this))
    , m_label(new QLabel(this))
    , m_button(new QPushButton(this))
{
    m_bar->setRange(0, 0); // busy, no percentage
    m_bar->setTextVisible(false);
    m_bar->setFixedWidth(kBarWidth);
    m_label->setObjectName(QStringLiteral("busyText"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_button->setObjectName(QStringLiteral("busyButton"));
    QSizePolicy keep = m_button->sizePolicy();
    keep.setRetainSizeWhenHidden(true); // the row keeps its height when the button goes
    m_button->setSizePolicy(keep);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_button);
    connect(m_button, &QPushButton::clicked, this, &BusyRow::buttonClicked);
    showDone(QString());
}

void BusyRow::showBusy(const QString &text)
{
    m_busy = true;
    m_bar->show();
    m_label->setText(text);
    m_button->setText(tr("Stop")); // not "Cancel", which closes the wizard
    m_button->show();
}

void BusyRow::showDone(const QString &text)
{
    m_busy = false;
    m_bar->hide();
    m_label->setText(text);
    m_button->hide();
}

void BusyRow::showStopped(const QString &text)
{
    m_busy = false;
    m_bar->hide();
    m_label->setText(text);
    m_button->setText(tr("Retry"));
    m_button->show();
}

QString BusyRow::text() const
{
    return m_label->text();
}

void BusyRow::buttonClicked()
{
    if (m_busy)
        Q_EMIT cancelRequested();
    else
        Q_EMIT retryRequested();
}

} // namespace cutover
