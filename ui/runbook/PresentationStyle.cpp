#include "runbook/PresentationStyle.h"

#include <QStyle>
#include <QWidget>
#include <algorithm>

namespace cutover {

namespace {

const char *toneName(PresentationStyle::Tone tone)
{
    switch (tone) {
    case PresentationStyle::Tone::Plain:
        return "plain";
    case PresentationStyle::Tone::Muted:
        return "muted";
    case PresentationStyle::Tone::Good:
        return "good";
    case PresentationStyle::Tone::Active:
        return "active";
    case PresentationStyle::Tone::Warning:
        return "warning";
    case PresentationStyle::Tone::Bad:
        return "bad";
    }
    return "plain";
}

void repolish(QWidget *widget)
{
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

} // namespace

double PresentationStyle::scaleFor(int height)
{
    return std::max(0.5, double(height) / kDesignHeight);
}

// Colours keep at least 7:1 contrast against the background (WCAG AAA for text).
QString PresentationStyle::styleSheet(double scale)
{
    auto px = [scale](int size) {
        return QString::number(qRound(size * scale));
    };
    QString sheet = QStringLiteral(R"(
QWidget#presentation { background: #0b0b0b; color: #ffffff; }
QDialog { background: #0b0b0b; color: #ffffff; font-size: @body@px; }
QLabel { color: #ffffff; font-size: @body@px; }
QLabel[role="header"] { font-size: @header@px; }
QLabel[role="headerStrong"] { font-size: @header@px; font-weight: bold; }
QLabel[role="stepLine"] { font-size: @stepLine@px; color: #d0d0d0; }
QLabel[role="title"] { font-size: @title@px; font-weight: bold; }
QLabel[role="heading"] { font-size: @heading@px; font-weight: bold; }
QLabel[role="body"] { font-size: @body@px; }
QLabel[role="small"] { font-size: @small@px; }
QLabel[role="footer"] { font-size: @footer@px; color: #d0d0d0; }
QLabel[role="badge"] { font-size: @heading@px; font-weight: bold; border: @border@px solid;
                       border-radius: @radius@px; padding: @padV@px @padH@px; }
QLabel[tone="muted"] { color: #d0d0d0; }
QLabel[tone="good"] { color: #5ee08a; border-color: #5ee08a; }
QLabel[tone="active"] { color: #7cc4ff; border-color: #7cc4ff; }
QLabel[tone="warning"] { color: #ffd24d; border-color: #ffd24d; }
QLabel[tone="bad"] { color: #ff8a80; border-color: #ff8a80; }
QFrame[role="rule"] { background: #5a5a5a; max-height: @border@px; min-height: @border@px; }
QProgressBar { background: #2a2a2a; border: @border@px solid #d0d0d0; border-radius: @radius@px;
               min-height: @bar@px; max-height: @bar@px; color: #ffffff; text-align: center;
               font-size: @small@px; }
QProgressBar::chunk { background: #1d4ed8; }
QPushButton { font-size: @body@px; font-weight: bold; color: #ffffff; background: #262626;
              border: @border@px solid #ffffff; border-radius: @radius@px;
              padding: @padV@px @padH@px; }
QPushButton:focus { border-color: #7cc4ff; }
QPushButton:disabled { color: #8a8a8a; border-color: #5a5a5a; border-style: dashed; }
QPushButton[tone="good"]:enabled { color: #0b0b0b; background: #5ee08a; border-color: #5ee08a; }
QPushButton[tone="bad"]:enabled { color: #0b0b0b; background: #ff8a80; border-color: #ff8a80; }
QLineEdit, QComboBox, QPlainTextEdit { font-size: @body@px; color: #ffffff; background: #1e1e1e;
              border: @border@px solid #d0d0d0; padding: @padV@px; }
QComboBox QAbstractItemView { font-size: @body@px; color: #ffffff; background: #1e1e1e;
              selection-background-color: #7cc4ff; selection-color: #0b0b0b; }
QRadioButton { font-size: @body@px; color: #ffffff; spacing: @padH@px; }
QRadioButton::indicator { width: @indicator@px; height: @indicator@px; border-radius: @half@px;
                          border: @ring@px solid #ffffff; background: #0b0b0b; }
QRadioButton::indicator:checked { background: qradialgradient(cx: 0.5, cy: 0.5, radius: 0.5,
    fx: 0.5, fy: 0.5, stop: 0 #ffffff, stop: 0.55 #ffffff, stop: 0.6 #0b0b0b, stop: 1 #0b0b0b); }
QComboBox::drop-down { width: @indicator@px; }
QComboBox::down-arrow { image: url(:/icons/down-light.svg); width: @arrow@px; height: @arrow@px; }
)");
    const std::pair<const char *, int> sizes[] = {
        {"@header@", 28},    {"@stepLine@", 30}, {"@title@", 64},  {"@heading@", 34},
        {"@body@", 32},      {"@small@", 24},    {"@footer@", 24}, {"@border@", 2},
        {"@radius@", 6},     {"@padV@", 4},      {"@padH@", 18},   {"@bar@", 30},
        {"@indicator@", 28}, {"@half@", 17},     {"@ring@", 3},    {"@arrow@", 18}};
    for (const auto &[key, size] : sizes)
        sheet.replace(QLatin1String(key), px(size));
    return sheet;
}

void PresentationStyle::setRole(QWidget *widget, const char *role)
{
    widget->setProperty("role", QString::fromLatin1(role));
    repolish(widget);
}

void PresentationStyle::setTone(QWidget *widget, Tone tone)
{
    const QString name = QString::fromLatin1(toneName(tone));
    if (widget->property("tone").toString() == name)
        return;
    widget->setProperty("tone", name);
    repolish(widget);
}

PresentationStyle::Tone PresentationStyle::toneOf(StepStatus status)
{
    switch (status) {
    case StepStatus::Done:
        return Tone::Good;
    case StepStatus::InProgress:
        return Tone::Active;
    case StepStatus::Blocked:
        return Tone::Warning;
    case StepStatus::Failed:
        return Tone::Bad;
    case StepStatus::Skipped:
    case StepStatus::Pending:
        break;
    }
    return Tone::Muted;
}

} // namespace cutover
