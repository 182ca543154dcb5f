#include "EditorTitle.h"

namespace cutover {

EditorTitle::EditorTitle(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("editorTitle"));
    QFont heading = font();
    heading.setBold(true);
    heading.setPointSizeF(heading.pointSizeF() * 1.2);
    setFont(heading);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

} // namespace cutover
