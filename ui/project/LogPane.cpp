#include "project/LogPane.h"

#include <QTime>

namespace cutover {

LogPane::LogPane(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("logPane"));
    setReadOnly(true);
    setMaximumBlockCount(kMaxLines);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setPlaceholderText(tr("What the workbench does appears here."));
}

void LogPane::append(const QString &text)
{
    appendPlainText(QStringLiteral("%1  %2").arg(
        QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), text));
}

} // namespace cutover
