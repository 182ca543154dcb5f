#include "report/ReportKindFilter.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>

namespace cutover {

namespace {

const std::optional<ReportRowsModel::Kind> kChoices[] = {
    std::nullopt, ReportRowsModel::Kind::Missing, ReportRowsModel::Kind::Extra,
    ReportRowsModel::Kind::Modified};

} // namespace

ReportKindFilter::ReportKindFilter(ReportRowsFilterModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_group(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("reportKindFilter"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *caption = new QLabel(tr("Show:"), this);
    caption->setContentsMargins(0, 0, 4, 0);
    layout->addWidget(caption);
    for (const auto kind : kChoices) {
        auto *button = new QToolButton(this);
        button->setObjectName(QStringLiteral("reportKind") + ReportRowsFilterModel::title(kind));
        button->setCheckable(true);
        button->setFocusPolicy(Qt::StrongFocus);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_group->addButton(button, idOf(kind));
        layout->addWidget(button);
    }
    m_group->button(idOf(std::nullopt))->setChecked(true);
    connect(m_group, &QButtonGroup::idClicked, this,
            [this](int id) { m_model->setKind(kindOf(id)); });
    connect(m_model, &ReportRowsFilterModel::kindChanged, this, [this] {
        const QSignalBlocker blocker(m_group);
        m_group->button(idOf(m_model->kind()))->setChecked(true);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ReportKindFilter::refresh);
    refresh();
}

int ReportKindFilter::idOf(std::optional<Kind> kind)
{
    return kind ? int(*kind) + 1 : 0;
}

std::optional<ReportRowsModel::Kind> ReportKindFilter::kindOf(int id)
{
    return id > 0 ? std::optional<Kind>(Kind(id - 1)) : std::nullopt;
}

QAbstractButton *ReportKindFilter::button(std::optional<Kind> kind) const
{
    return m_group->button(idOf(kind));
}

void ReportKindFilter::choose(std::optional<Kind> kind)
{
    m_model->setKind(kind);
}

QString ReportKindFilter::toolTip(std::optional<Kind> kind) const
{
    const QString rows =
        kind ? tr("Only the %1 rows").arg(ReportRowsFilterModel::title(kind).toLower())
             : tr("Every differing row");
    const int listed = m_model->listed(kind);
    const qint64 found = m_model->found(kind);
    return listed < found
               ? tr("%1: the report lists %2 of the %3 it found").arg(rows).arg(listed).arg(found)
               : rows;
}

void ReportKindFilter::refresh()
{
    for (const auto kind : kChoices) {
        QAbstractButton *b = button(kind);
        b->setText(m_model->label(kind));
        b->setEnabled(!kind || m_model->listed(kind) > 0);
        b->setToolTip(toolTip(kind));
    }
    if (const auto kind = m_model->kind(); kind && m_model->listed(kind) == 0)
        m_model->setKind(std::nullopt);
}

} // namespace cutover
