#pragma once

#include "ReportRowsFilterModel.h"

#include <QWidget>
#include <optional>

class QAbstractButton;
class QButtonGroup;
class QToolButton;

namespace cutover {

// Toggle buttons above a report table's differing rows: All, Missing, Extra and Modified, each
// counting its rows ("Missing (3)"). The button checked filters the rows (a click, or Space on
// the focused button); a kind the table has no rows of is disabled, and when a newly shown table
// has none of the kind chosen, All is chosen again.
class ReportKindFilter : public QWidget
{
    Q_OBJECT

public:
    using Kind = ReportRowsModel::Kind;

    explicit ReportKindFilter(ReportRowsFilterModel *model, QWidget *parent = nullptr);

    // The button of a kind (none: All).
    QAbstractButton *button(std::optional<Kind> kind) const;
    void choose(std::optional<Kind> kind);

private:
    static int idOf(std::optional<Kind> kind);
    static std::optional<Kind> kindOf(int id);
    QString toolTip(std::optional<Kind> kind) const;
    void refresh();

    ReportRowsFilterModel *m_model;
    QButtonGroup *m_group;
};

} // namespace cutover
