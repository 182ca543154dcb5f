#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace cutover {

// The state of one background job on a wizard page: a busy bar and a Stop button while it
// runs; afterwards its outcome in words, and a Retry button when it failed or was stopped.
class BusyRow : public QWidget
{
    Q_OBJECT
public:
    explicit BusyRow(QWidget *parent = nullptr);

    void showBusy(const QString &text);
    void showDone(const QString &text);
    // A failure or a cancel: the text says what happened, and Retry starts again.
    void showStopped(const QString &text);
    bool isBusy() const { return m_busy; }
    QString text() const;

Q_SIGNALS:
    void cancelRequested();
    void retryRequested();

private:
    void buttonClicked();

    QProgressBar *m_bar = nullptr;
    QLabel *m_label = nullptr;
    QPushButton *m_button = nullptr;
    bool m_busy = false;
};

} // namespace cutover
