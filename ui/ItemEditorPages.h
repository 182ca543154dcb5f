#pragma once

#include <QStackedWidget>

class QLabel;

namespace cutover {

// An item editor's two faces: its form, or a word on why there is nothing to edit (nothing
// picked yet, or the item was deleted and Undo brings it back).
class ItemEditorPages : public QStackedWidget
{
    Q_OBJECT

public:
    ItemEditorPages(QWidget *form, QWidget *parent = nullptr);

    void showForm();
    // what: "lookup map", "rule"...; name: the deleted item's, empty when none was picked.
    void showGone(const QString &what, const QString &name);
    QString goneText() const;

private:
    QLabel *m_gone = nullptr;
};

} // namespace cutover
