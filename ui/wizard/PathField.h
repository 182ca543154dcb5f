#pragma once

#include <QWidget>

class QLineEdit;
class QToolButton;

namespace cutover {

// A path typed or picked: a line edit and a "Browse..." button that opens a file or folder
// dialog. Paths under the home folder are shown with "~", and path() expands it again.
class PathField : public QWidget
{
    Q_OBJECT
public:
    enum class Mode
    {
        OpenFile,
        SaveFile,
        Folder
    };

    explicit PathField(Mode mode, QWidget *parent = nullptr);

    void setMode(Mode mode) { m_mode = mode; }
    void setNameFilter(const QString &filter) { m_filter = filter; }
    // The absolute path, or an empty string when nothing is entered.
    QString path() const;
    void setPath(const QString &path);
    QLineEdit *lineEdit() const { return m_edit; }

    static QString shown(const QString &path);
    static QString expanded(const QString &text);

Q_SIGNALS:
    void pathChanged();

private:
    void browse();

    Mode m_mode;
    QString m_filter;
    QLineEdit *m_edit = nullptr;
    QToolButton *m_browse = nullptr;
};

} // namespace cutover
