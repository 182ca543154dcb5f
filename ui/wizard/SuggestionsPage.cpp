#include "wizard/SuggestionsPage.h"

#include "wizard/BusyRow.h"
#include "wizard/MigrationDraft.h"
#include "wizard/SuggestionTree.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace cutover {

namespace {
constexpr int kSliderSteps = 100;
constexpr double kStep = 0.05;

QString counted(qsizetype n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(n);
}
} // namespace

SuggestionsPage::SuggestionsPage(MigrationDraft *draft, const PasswordProvider *passwords,
                                 QWidget *parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_passwords(passwords)
    , m_busy(new BusyRow(this))
    , m_tree(new SuggestionTree(this))
    , m_details(new QLabel(this))
    , m_create(new QCheckBox(this))
    , m_chosen(new QLabel(this))
{
    setTitle(tr("Map tables and columns"));
    setSubTitle(tr("Auto-map's suggestions, each with how sure it is and why. Tick what to keep; "
                   "everything can be changed later in the workbench."));
    m_create->setObjectName(QStringLiteral("createTables"));
    m_chosen->setObjectName(QStringLiteral("chosen"));
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Two lines are kept for it, so that the page does not jump as the current row changes.
    m_details->setMinimumHeight(2 * fontMetrics().lineSpacing());
    m_details->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_busy);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_details);
    layout->addLayout(thresholdRow());
    layout->addWidget(m_create);
    layout->addWidget(m_chosen);
    connect(m_busy, &BusyRow::cancelRequested, this, &SuggestionsPage::cancel);
    connect(m_busy, &BusyRow::retryRequested, this, &SuggestionsPage::start);
    connect(m_tree, &SuggestionTree::choiceChanged, this, &SuggestionsPage::choiceChanged);
    connect(m_create, &QCheckBox::clicked, this, &SuggestionsPage::createToggled);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        m_details->setText(SuggestionTree::details(current));
    });
}

QLayout *SuggestionsPage::thresholdRow()
{
    auto *label = new QLabel(tr("Accept from confidence:"), this);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setRange(0, kSliderSteps);
    m_threshold = new QDoubleSpinBox(this);
    m_threshold->setObjectName(QStringLiteral("threshold"));
    m_threshold->setRange(0, 1);
    m_threshold->setSingleStep(kStep);
    m_threshold->setDecimals(2);
    label->setBuddy(m_threshold);
    m_accept = new QPushButton(tr("Accept all above"), this);
    m_accept->setObjectName(QStringLiteral("acceptAbove"));
    m_accept->setToolTip(tr("Tick every table and column pair of at least this confidence, and "
                            "untick the others."));
    // Each follows the other only when they differ, so typing "0.5" is not reformatted at "0".
    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        if (std::lround(m_threshold->value() * kSliderSteps) != value)
            m_threshold->setValue(double(value) / kSliderSteps);
    });
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this,
            [this](double value) { m_slider->setValue(int(std::lround(value * kSliderSteps))); });
    connect(m_accept, &QPushButton::clicked, this, &SuggestionsPage::acceptAbove);
    m_threshold->setValue(kDefaultThreshold);
    m_thresholdLabel = label;
    auto *row = new QHBoxLayout;
    row->addWidget(label);
    row->addWidget(m_slider, 1);
    row->addWidget(m_threshold);
    row->addWidget(m_accept);
    return row;
}

void SuggestionsPage::initializePage()
{
    start();
}

void SuggestionsPage::cleanupPage()
{
    ++m_generation; // going back: suggestions still being made are of no use
    m_busy->showDone(QString());
}

void SuggestionsPage::start()
{
    const quint64 generation = ++m_generation;
    m_ready = false;
    m_tree->setSuggestions({}, {});
    m_details->clear();
    m_busy->showBusy(tr("Comparing names, types and sample values\u2026"));
    Q_EMIT completeChanged();

    AutoMapJob::Input input{m_draft->source.spec, m_draft->source.schema, m_draft->target.spec,
                            m_draft->target.schema};
    auto *watcher = new QFutureWatcher<AutoMapJob::Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        finish(generation, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&AutoMapJob::run, input, m_passwords));
}

void SuggestionsPage::cancel()
{
    ++m_generation;
    m_busy->showStopped(tr("Stopped. Retry asks auto-map again."));
    Q_EMIT completeChanged();
}

void SuggestionsPage::finish(quint64 generation, const AutoMapJob::Outcome &outcome)
{
    if (generation != m_generation)
        return; // cancelled, or a newer request was made
    if (!outcome.ok) {
        m_busy->showStopped(tr("Auto-map failed: %1").arg(outcome.error.toString()));
        return;
    }
    m_draft->suggestions = outcome.suggestions;
    m_draft->creatable = outcome.creatable;
    m_tree->setSuggestions(outcome.suggestions, outcome.creatable);
    const int creatable = m_tree->createCount();
    m_create->setText(creatable == 1
                          ? tr("Create the 1 table the target lacks from the source schema (lift "
                               "and shift)")
                          : tr("Create the %1 tables the target lacks from the source schema "
                               "(lift and shift)")
                                .arg(creatable));
    m_create->setEnabled(creatable > 0);
    m_create->setVisible(creatable > 0);
    const std::initializer_list<QWidget *> thresholdControls{m_thresholdLabel, m_slider,
                                                             m_threshold, m_accept};
    for (QWidget *w : thresholdControls)
        w->setEnabled(!outcome.suggestions.isEmpty());
    if (m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    m_tree->acceptAbove(m_threshold->value());
    m_ready = true;
    m_busy->showDone(summary(outcome));
    Q_EMIT completeChanged();
}

QString SuggestionsPage::summary(const AutoMapJob::Outcome &outcome) const
{
    qsizetype columns = 0;
    for (const auto &suggestion : outcome.suggestions)
        columns += suggestion.columns.size();
    const int creatable = m_tree->createCount();
    QString text;
    if (outcome.suggestions.isEmpty())
        text = m_draft->target.schema.tables.isEmpty()
                   ? tr("The target has no tables yet.")
                   : tr("Auto-map found no source table for the target's tables.");
    else
        text = counted(outcome.suggestions.size(), tr("1 table pair"), tr("%1 table pairs")) +
               tr(" and ") + counted(columns, tr("1 column pair"), tr("%1 column pairs")) +
               tr(" suggested.");
    if (creatable > 0)
        text += QLatin1Char(' ') + counted(creatable,
                                           tr("1 source table can be created in the target."),
                                           tr("%1 source tables can be created in the target."));
    if (!outcome.notices.isEmpty())
        text += QLatin1Char(' ') + outcome.notices.join(QLatin1Char(' '));
    return text;
}

void SuggestionsPage::acceptAbove()
{
    m_tree->acceptAbove(m_threshold->value());
}

void SuggestionsPage::createToggled(bool create)
{
    m_tree->setCreateAll(create);
}

void SuggestionsPage::choiceChanged()
{
    const MigrationDraft::Choice choice = m_tree->choice();
    int columns = 0;
    for (const auto &mapping : choice.mappings)
        columns += int(mapping.columns.size());
    const int create = int(choice.create.size());
    m_create->setTristate(create > 0 && create < m_tree->createCount());
    m_create->setCheckState(create == 0                       ? Qt::Unchecked
                            : create == m_tree->createCount() ? Qt::Checked
                                                              : Qt::PartiallyChecked);
    QStringList parts;
    if (!choice.mappings.isEmpty())
        parts << tr("%1 with %2")
                     .arg(counted(choice.mappings.size(), tr("1 table mapping"),
                                  tr("%1 table mappings")),
                          counted(columns, tr("1 column"), tr("%1 columns")));
    if (create > 0)
        parts << counted(create, tr("1 table to create"), tr("%1 tables to create"));
    m_chosen->setText(parts.isEmpty() ? tr("Nothing is ticked yet.")
                                      : tr("Ticked: %1.").arg(parts.join(QStringLiteral("; "))));
    Q_EMIT completeChanged();
}

bool SuggestionsPage::isComplete() const
{
    if (!m_ready || m_busy->isBusy())
        return false;
    const MigrationDraft::Choice choice = m_tree->choice();
    return !choice.mappings.isEmpty() || !choice.create.isEmpty();
}

bool SuggestionsPage::validatePage()
{
    m_draft->choice = m_tree->choice();
    return true;
}

} // namespace cutover
