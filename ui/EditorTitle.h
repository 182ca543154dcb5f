#pragma once

#include <QLabel>

namespace cutover {

// The heading of an editor in the middle of the workbench ("Rule patient-name-required").
class EditorTitle : public QLabel
{
    Q_OBJECT

public:
    explicit EditorTitle(QWidget *parent = nullptr);
};

} // namespace cutover
