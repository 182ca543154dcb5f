#include "ItemEditorPages.h"

#include <QLabel>

namespace cutover {

ItemEditorPages::ItemEditorPages(QWidget *form, QWidget *parent)
    : QStackedWidget(parent)
    , m_gone(new QLabel(this))
{
    m_gone->setObjectName(QStringLiteral("goneMessage"));
    m_gone->setAlignment(Qt::AlignCenter);
    m_gone->setWordWrap(true);
    m_gone->setMargin(24);
    addWidget(form);
    addWidget(m_gone);
}

void ItemEditorPages::showForm()
{
    setCurrentIndex(0);
}

void ItemEditorPages::showGone(const QString &what, const QString &name)
{
    m_gone->setText(name.isEmpty()
                        ? tr("No %1 selected.\n\nPick one in the project tree.").arg(what)
                        : tr("The %1 \u201c%2\u201d no longer exists.\n\nIt was deleted; Undo "
                             "(Ctrl+Z) brings it back.")
                              .arg(what, name));
    setCurrentIndex(1);
}

QString ItemEditorPages::goneText() const
{
    return m_gone->text();
}

} // namespace cutover
