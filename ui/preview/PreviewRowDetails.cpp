#include "preview/PreviewRowDetails.h"

#include "PreviewModel.h"

#include "core/ViolationJson.h"
#include "core/ViolationText.h"
#include "project/ProjectVocabulary.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cutover {

namespace {

// What a rule checks: "not-null on full_name", "expression on the row".
QString ruleTarget(const Rule &rule)
{
    const QString kind = ProjectVocabulary::ruleKindName(rule.kind);
    return rule.column.isEmpty() ? QObject::tr("%1 on the row").arg(kind)
                                 : QObject::tr("%1 on %2").arg(kind, rule.column);
}

bool isOfRule(const Violation &v, const Rule &rule)
{
    return v.kind == Violation::Kind::Rule && v.source == rule.name;
}

} // namespace

PreviewRowDetails::PreviewRowDetails(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_checks(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("previewRowDetails"));
    m_heading->setObjectName(QStringLiteral("rowVerdict"));
    m_heading->setWordWrap(true);
    m_checks->setObjectName(QStringLiteral("rowChecks"));
    m_checks->setColumnCount(ColumnCount);
    m_checks->setHeaderLabels({tr("Check"), tr("Of"), tr("Verdict"), tr("As the run records it")});
    m_checks->setRootIsDecorated(false);
    m_checks->setUniformRowHeights(true);
    m_checks->setWordWrap(false);
    m_checks->header()->setStretchLastSection(true);
    m_checks->setColumnWidth(CheckColumn, 240);
    m_checks->setColumnWidth(WhatColumn, 190);
    m_checks->setColumnWidth(VerdictColumn, 90);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_checks, 1);
    clear();
}

void PreviewRowDetails::clear()
{
    m_checks->clear();
    m_heading->setText(tr("Choose a row to see what each rule says of it and the reasons a run "
                          "would record."));
}

QString PreviewRowDetails::headingText() const
{
    return m_heading->text();
}

void PreviewRowDetails::showRow(const PreviewResult &result, int row, const QList<Rule> &rules)
{
    m_checks->clear();
    if (row < 0 || row >= result.rows.size()) {
        clear();
        return;
    }
    const PreviewResult::Row &r = result.rows.at(row);
    QList<Violation> others = r.violations;
    for (const Rule &rule : rules) {
        if (rule.table.compare(result.table, Qt::CaseInsensitive) != 0)
            continue;
        QList<Violation> found;
        for (const Violation &v : r.violations)
            if (isOfRule(v, rule))
                found.append(v);
        others.removeIf([&rule](const Violation &v) { return isOfRule(v, rule); });
        addCheck(QObject::tr("rule %1").arg(rule.name), ruleTarget(rule), found, true);
    }
    for (const Violation &v : others) {
        const QString kind = ViolationJson::kindName(v.kind);
        const QString source =
            v.source.isEmpty() || v.source == kind ? kind : kind + u' ' + v.source;
        addCheck(source, v.column.isEmpty() ? tr("the row") : v.column, {v}, false);
    }
    const auto warnings = std::count_if(r.violations.begin(), r.violations.end(),
                                        [](const Violation &v) { return !v.blocking; });
    const qsizetype blocking = r.violations.size() - warnings;
    QString verdict = tr("\u2713 would be loaded");
    if (r.blocked)
        verdict = blocking == 1
                      ? tr("\u2717 would be quarantined: 1 blocking violation")
                      : tr("\u2717 would be quarantined: %1 blocking violations").arg(blocking);
    if (warnings > 0)
        verdict += warnings == 1 ? tr(", 1 warning") : tr(", %1 warnings").arg(warnings);
    if (!r.sampleReason.isEmpty())
        verdict += tr(" \u00b7 picked as an edge case: %1").arg(r.sampleReason);
    m_heading->setText(tr("Row %1: %2").arg(row + 1).arg(verdict));
}

void PreviewRowDetails::addCheck(const QString &check, const QString &what,
                                 const QList<Violation> &found, bool isRule)
{
    auto *item = new QTreeWidgetItem(m_checks);
    item->setText(CheckColumn, check);
    item->setText(WhatColumn, what);
    const bool blocks =
        std::any_of(found.begin(), found.end(), [](const Violation &v) { return v.blocking; });
    QStringList records;
    for (const Violation &v : found)
        records.append(ViolationText::describe(v));
    item->setText(RecordColumn, records.join(QStringLiteral("; ")));
    item->setToolTip(RecordColumn, records.join(u'\n'));
    item->setToolTip(CheckColumn, check);
    if (found.isEmpty()) {
        item->setText(VerdictColumn, isRule ? tr("\u2713 passes") : QString());
        return;
    }
    item->setText(VerdictColumn, blocks ? tr("\u2717 blocks") : tr("! warns"));
    for (int column = 0; column < ColumnCount; ++column)
        item->setBackground(
            column, PreviewModel::tint(blocks ? PreviewResult::CellStatus::Violation
                                              : PreviewResult::CellStatus::ConvertedWithLossRisk));
}

} // namespace cutover
