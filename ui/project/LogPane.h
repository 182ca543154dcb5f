#pragma once

#include <QPlainTextEdit>

namespace cutover {

// The window's log: what it did and when (opened, saved, checked, failed), newest last. It
// never holds a password: callers log display names, never connection URLs with secrets.
class LogPane : public QPlainTextEdit
{
    Q_OBJECT

public:
    static constexpr int kMaxLines = 2000;

    explicit LogPane(QWidget *parent = nullptr);

    void append(const QString &text);
};

} // namespace cutover
