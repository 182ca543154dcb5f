#include "runbook/AdvisorDialog.h"

#include "ProjectDocument.h"
#include "ProjectEdits.h"
#include "ReportPalette.h"
#include "project/RunbookVocabulary.h"
#include "run/RunProgressDelegate.h"
#include "runbook/RunbookTemplate.h"
#include "runbook/StrategyCatalog.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <cmath>

namespace cutover {

namespace {

constexpr int kScoreRole = Qt::UserRole + 1; // the bar's percentage
constexpr int kStrategyRole = Qt::UserRole + 2;
constexpr int kBoxWidth = 170;
constexpr int kQuestionsWidth = 480;
constexpr int kScoreWidth = 150;
const QString kUseRows = QStringLiteral("rows");
const QString kUseRehearsal = QStringLiteral("rehearsal");

QString number(double value, int decimals = 0)
{
    return QLocale().toString(value, 'f', value == std::floor(value) ? 0 : decimals);
}

// The measured value differs from what the box shows, once rounded as the box rounds.
bool differs(const QDoubleSpinBox *box, double measured)
{
    const double scale = std::pow(10.0, box->decimals());
    return std::abs(box->value() - std::round(measured * scale) / scale) > 0.5 / scale;
}

QDoubleSpinBox *numberBox(double maximum, int decimals, const QString &suffix)
{
    auto *box = new QDoubleSpinBox;
    box->setRange(-1, maximum);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    box->setSpecialValueText(QObject::tr("not answered"));
    box->setGroupSeparatorShown(true);
    box->setValue(-1);
    box->setFixedWidth(kBoxWidth);
    return box;
}

// A measured question: its box, and under it what was measured.
QWidget *withStatus(QWidget *box, QLabel *status)
{
    auto *row = new QWidget;
    auto *layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(box);
    layout->addWidget(status);
    return row;
}

QLabel *statusLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QString htmlList(const QString &heading, const QStringList &items)
{
    if (items.isEmpty())
        return {};
    QString html = QStringLiteral("<h4>%1</h4><ul>").arg(heading.toHtmlEscaped());
    for (const QString &item : items)
        html += QStringLiteral("<li>%1</li>").arg(item.toHtmlEscaped());
    return html + QStringLiteral("</ul>");
}

} // namespace

AdvisorDialog::AdvisorDialog(ProjectDocument &document, const PasswordProvider *passwords,
                             QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_passwords(passwords)
{
    setObjectName(QStringLiteral("advisorDialog"));
    setWindowTitle(tr("Strategy Advisor — %1").arg(document.displayName()));
    auto *intro = new QLabel(
        tr("Answer what you know; every answer moves the four strategies' scores, and a question "
           "left unanswered moves nothing. Rows, size and the last rehearsal are measured from "
           "the project's source and run ledger."),
        this);
    intro->setWordWrap(true);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(createQuestions());
    split->addWidget(createRecommendation());
    split->setChildrenCollapsible(false);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({kQuestionsWidth, 1280 - kQuestionsWidth});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(split, 1);
    layout->addWidget(createButtons());
    resize(1280, 800);

    connect(&m_document, &ProjectDocument::changed, this, [this](ProjectDocument::Part part) {
        if (part == ProjectDocument::Part::Connections || part == ProjectDocument::Part::Mappings)
            measure();
        updateButtons();
    });
    connect(&m_document, &ProjectDocument::projectReplaced, this, [this] {
        setAnswers(m_document.project().advisor.answers);
        measure();
    });
    setAnswers(m_document.project().advisor.answers);
    measure();
}

AdvisorDialog::~AdvisorDialog() = default;

QComboBox *AdvisorDialog::choiceBox(const QStringList &titles)
{
    auto *box = new QComboBox;
    box->addItem(tr("not answered"), 0);
    for (int i = 0; i < titles.size(); ++i)
        box->addItem(titles.at(i), i + 1); // the enums' values, Unknown being 0
    box->setFixedWidth(kBoxWidth);
    connect(box, &QComboBox::currentIndexChanged, this, &AdvisorDialog::answersChanged);
    return box;
}

void AdvisorDialog::setChoice(QComboBox *box, int value)
{
    box->setCurrentIndex(qMax(0, box->findData(value)));
}

QWidget *AdvisorDialog::createQuestions()
{
    auto *group = new QGroupBox(tr("Questions"), this);
    m_rows = numberBox(1e12, 0, QString());
    m_rows->setObjectName(QStringLiteral("advisorRows"));
    m_size = numberBox(1e9, 2, tr(" MB"));
    m_size->setObjectName(QStringLiteral("advisorSize"));
    m_growth = numberBox(1000, 1, tr(" % a month"));
    m_growth->setObjectName(QStringLiteral("advisorGrowth"));
    m_downtime = new QSpinBox;
    m_downtime->setObjectName(QStringLiteral("advisorDowntime"));
    m_downtime->setRange(-1, 1'000'000);
    m_downtime->setSuffix(tr(" min"));
    m_downtime->setSpecialValueText(tr("not answered"));
    m_downtime->setGroupSeparatorShown(true);
    m_downtime->setFixedWidth(kBoxWidth);
    m_downtime->setToolTip(tr("The downtime the business accepts; 0: none at all."));
    const QStringList levels{tr("Low"), tr("Medium"), tr("High")};
    m_risk = choiceBox(levels);
    m_risk->setObjectName(QStringLiteral("advisorRisk"));
    m_rollback = choiceBox(levels);
    m_rollback->setObjectName(QStringLiteral("advisorRollback"));
    m_rollback->setToolTip(tr("High: an instant rollback must be possible."));
    m_complexity = choiceBox(levels);
    m_complexity->setObjectName(QStringLiteral("advisorComplexity"));
    m_sideBySide = choiceBox({tr("No"), tr("Yes")});
    m_sideBySide->setObjectName(QStringLiteral("advisorSideBySide"));
    m_hosting = choiceBox({tr("Cloud"), tr("On-premises"), tr("Hybrid")});
    m_hosting->setObjectName(QStringLiteral("advisorHosting"));
    m_rehearsal = numberBox(1e6, 1, tr(" min"));
    m_rehearsal->setObjectName(QStringLiteral("advisorRehearsal"));
    for (QDoubleSpinBox *box : {m_rows, m_size, m_growth, m_rehearsal})
        connect(box, &QDoubleSpinBox::valueChanged, this, &AdvisorDialog::answersChanged);
    connect(m_downtime, &QSpinBox::valueChanged, this, &AdvisorDialog::answersChanged);

    m_volumeStatus = statusLabel(QStringLiteral("advisorVolumeStatus"));
    m_rehearsalStatus = statusLabel(QStringLiteral("advisorRehearsalStatus"));
    connect(m_volumeStatus, &QLabel::linkActivated, this, &AdvisorDialog::useMeasured);
    connect(m_rehearsalStatus, &QLabel::linkActivated, this, &AdvisorDialog::useMeasured);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Rows to move:"), withStatus(m_rows, m_volumeStatus));
    form->addRow(tr("Data size:"), m_size);
    form->addRow(tr("Growth:"), m_growth);
    form->addRow(tr("Downtime accepted:"), m_downtime);
    form->addRow(tr("Risk tolerance:"), m_risk);
    form->addRow(tr("Rollback need:"), m_rollback);
    form->addRow(tr("Organisation size and complexity:"), m_complexity);
    form->addRow(tr("Source and target side by side:"), m_sideBySide);
    form->addRow(tr("Hosting:"), m_hosting);
    form->addRow(tr("Last rehearsal:"), withStatus(m_rehearsal, m_rehearsalStatus));

    m_notAnswered = new QLabel(group);
    m_notAnswered->setObjectName(QStringLiteral("advisorNotAnswered"));
    m_notAnswered->setWordWrap(true);
    m_notAnswered->setTextFormat(Qt::PlainText);
    auto *again = new QPushButton(tr("Measure Again"), group);
    again->setToolTip(tr("Read the source's row counts and the run ledger again."));
    connect(again, &QPushButton::clicked, this, &AdvisorDialog::measure);
    auto *layout = new QVBoxLayout(group);
    layout->addLayout(form);
    layout->addWidget(again, 0, Qt::AlignLeft);
    layout->addSpacing(8);
    layout->addWidget(m_notAnswered);
    layout->addStretch();
    return group;
}

QWidget *AdvisorDialog::createRecommendation()
{
    m_strategies = new QTreeWidget;
    m_strategies->setObjectName(QStringLiteral("advisorStrategies"));
    m_strategies->setColumnCount(3);
    m_strategies->setHeaderLabels({tr("Strategy and reasons"), tr("Score"), tr("of 100")});
    m_strategies->setItemDelegateForColumn(1, new RunProgressDelegate(kScoreRole, m_strategies));
    m_strategies->setWordWrap(true);
    m_strategies->setRootIsDecorated(true);
    m_strategies->setSelectionMode(QAbstractItemView::SingleSelection);
    m_strategies->header()->setStretchLastSection(false);
    m_strategies->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_strategies->header()->setSectionResizeMode(1, QHeaderView::Fixed);
    m_strategies->header()->resizeSection(1, kScoreWidth);
    m_strategies->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_strategies->setTextElideMode(Qt::ElideNone);
    connect(m_strategies->header(), &QHeaderView::sectionResized, this, [this](int column) {
        if (column == 0)
            fitReasons();
    });
    connect(m_strategies, &QTreeWidget::itemClicked, this, &AdvisorDialog::strategyClicked);
    connect(m_strategies, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!m_rebuilding)
            strategyClicked(item);
    });
    m_strategies->setAutoScroll(false);
    m_headline = new QLabel;
    m_headline->setObjectName(QStringLiteral("advisorHeadline"));
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    auto *scores = new QGroupBox(tr("Recommendation"));
    auto *scoresLayout = new QVBoxLayout(scores);
    scoresLayout->addWidget(m_headline);
    scoresLayout->addWidget(m_strategies);

    m_details = new QTextBrowser;
    m_details->setObjectName(QStringLiteral("advisorDetails"));
    m_details->setOpenLinks(false);
    auto *detail = new QGroupBox(tr("The strategy chosen"));
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->addWidget(m_details);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(scores);
    split->addWidget(detail);
    split->setChildrenCollapsible(false);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    return split;
}

QWidget *AdvisorDialog::createButtons()
{
    auto *bar = new QWidget(this);
    m_status = new QLabel(bar);
    m_status->setObjectName(QStringLiteral("advisorStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_keep = new QPushButton(tr("Keep Answers"), bar);
    m_keep->setObjectName(QStringLiteral("advisorKeep"));
    m_keep->setToolTip(tr("Store the answers and the recommendation in the project (undoable)."));
    m_generate = new QPushButton(tr("Generate Runbook"), bar);
    m_generate->setObjectName(QStringLiteral("advisorGenerate"));
    m_generate->setToolTip(tr("Replace the project's runbook with the chosen strategy's "
                              "(undoable)."));
    auto *close = new QPushButton(tr("Close"), bar);
    for (QPushButton *button : {m_keep, m_generate, close})
        button->setAutoDefault(false);
    connect(m_keep, &QPushButton::clicked, this, &AdvisorDialog::keepAnswers);
    connect(m_generate, &QPushButton::clicked, this, &AdvisorDialog::generateRunbook);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status, 1);
    layout->addWidget(m_keep);
    layout->addWidget(m_generate);
    layout->addSpacing(12);
    layout->addWidget(close);
    return bar;
}

AdvisorAnswers AdvisorDialog::answers() const
{
    AdvisorAnswers a;
    a.rows = m_rows->value() < 0 ? -1 : qint64(std::llround(m_rows->value()));
    a.sizeMb = m_size->value() < 0 ? -1 : m_size->value();
    a.growthPercentPerMonth = m_growth->value() < 0 ? -1 : m_growth->value();
    a.downtimeMinutes = m_downtime->value();
    a.riskTolerance = AdvisorAnswers::Level(m_risk->currentData().toInt());
    a.rollbackNeed = AdvisorAnswers::Level(m_rollback->currentData().toInt());
    a.complexity = AdvisorAnswers::Level(m_complexity->currentData().toInt());
    a.sideBySide = AdvisorAnswers::Answer(m_sideBySide->currentData().toInt());
    a.hosting = AdvisorAnswers::Hosting(m_hosting->currentData().toInt());
    a.rehearsalMinutes = m_rehearsal->value() < 0 ? -1 : m_rehearsal->value();
    return a;
}

void AdvisorDialog::setAnswers(const AdvisorAnswers &a)
{
    m_settingAnswers = true;
    m_rows->setValue(a.rows < 0 ? -1 : double(a.rows));
    m_size->setValue(a.sizeMb < 0 ? -1 : a.sizeMb);
    m_growth->setValue(a.growthPercentPerMonth < 0 ? -1 : a.growthPercentPerMonth);
    m_downtime->setValue(a.downtimeMinutes < 0 ? -1 : a.downtimeMinutes);
    setChoice(m_risk, int(a.riskTolerance));
    setChoice(m_rollback, int(a.rollbackNeed));
    setChoice(m_complexity, int(a.complexity));
    setChoice(m_sideBySide, int(a.sideBySide));
    setChoice(m_hosting, int(a.hosting));
    m_rehearsal->setValue(a.rehearsalMinutes < 0 ? -1 : a.rehearsalMinutes);
    m_settingAnswers = false;
    answersChanged();
}

void AdvisorDialog::answersChanged()
{
    if (m_settingAnswers)
        return;
    const QString before = m_recommendation.recommended;
    m_recommendation = StrategyAdvisor::advise(answers());
    if (!m_userChose || m_selected.isEmpty())
        m_selected = m_recommendation.recommended;
    showStrategies();
    showDetails();
    showVolumeStatus();
    showRehearsalStatus();
    m_notAnswered->setText(m_recommendation.notAnswered.isEmpty()
                               ? tr("Every question is answered.")
                               : tr("Not answered (they move no score): %1.")
                                     .arg(m_recommendation.notAnswered.join(QStringLiteral("; "))));
    updateButtons();
    if (m_recommendation.recommended != before)
        Q_EMIT recommendationChanged(m_recommendation.recommended);
}

QTreeWidgetItem *AdvisorDialog::strategyItem(const StrategyAdvisor::Assessment &a) const
{
    const bool recommended = a.strategy == m_recommendation.recommended;
    const QString title = RunbookVocabulary::strategyTitle(a.strategy);
    auto *item = new QTreeWidgetItem;
    item->setText(0, recommended ? tr("\u2605 %1 — Recommended").arg(title) : title);
    // the number beside the bar, never over it, where the bar's edge would cut it in two
    item->setText(2, QString::number(a.score));
    item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    item->setData(1, kScoreRole, a.score);
    item->setData(0, kStrategyRole, a.strategy);
    item->setToolTip(1, tr("%1 of 100").arg(a.score));
    QFont font = item->font(0);
    font.setBold(recommended);
    item->setFont(0, font);
    for (const StrategyAdvisor::Reason &reason : a.reasons) {
        auto *child = new QTreeWidgetItem(item);
        const bool favours = reason.points > 0;
        const QString mark = favours             ? QStringLiteral("\u25b2")
                             : reason.points < 0 ? QStringLiteral("\u25bc")
                                                 : QStringLiteral("\u2022");
        child->setText(0, QStringLiteral("%1 %2").arg(mark, reason.text));
        child->setText(
            2, reason.points > 0
                   ? QStringLiteral("+%1").arg(reason.points)
                   : QString::number(reason.points).replace(QLatin1Char('-'), QChar(0x2212)));
        child->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        child->setToolTip(0, reason.text);
        child->setData(0, kStrategyRole, a.strategy);
        if (reason.points != 0) {
            const QColor colour = ReportPalette::statusColour(favours ? ReconcileStatus::Pass
                                                                      : ReconcileStatus::Fail);
            child->setForeground(0, colour);
            child->setForeground(2, colour);
        }
    }
    return item;
}

void AdvisorDialog::showStrategies()
{
    m_rebuilding = true; // the rebuild's current-item changes are no choice of the user's
    const int scrolled = m_strategies->verticalScrollBar()->value();
    m_strategies->clear();
    for (const StrategyAdvisor::Assessment &a : m_recommendation.assessments) {
        QTreeWidgetItem *item = strategyItem(a);
        m_strategies->addTopLevelItem(item);
        item->setExpanded(true);
        if (a.strategy == m_selected)
            m_strategies->setCurrentItem(item);
    }
    fitReasons();
    m_strategies->verticalScrollBar()->setValue(scrolled); // typing an answer keeps the place
    m_rebuilding = false;
    const StrategyAdvisor::Assessment *best =
        m_recommendation.assessment(m_recommendation.recommended);
    m_headline->setText(best ? tr("Recommended: \u2605 %1, %2 of 100")
                                   .arg(RunbookVocabulary::strategyTitle(best->strategy))
                                   .arg(best->score)
                             : QString());
}

// A tree sizes its rows for one line; a reason wraps to as many lines as the column needs.
void AdvisorDialog::fitReasons()
{
    const QFontMetrics metrics(m_strategies->font());
    const int width = qMax(80, m_strategies->columnWidth(0) - 2 * m_strategies->indentation() - 12);
    for (int i = 0; i < m_strategies->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_strategies->topLevelItem(i);
        for (int r = 0; r < item->childCount(); ++r) {
            QTreeWidgetItem *reason = item->child(r);
            const QRect bounds = metrics.boundingRect(QRect(0, 0, width, 100'000), Qt::TextWordWrap,
                                                      reason->text(0));
            const QSize hint(width, bounds.height() + 4);
            if (reason->sizeHint(0) != hint)
                reason->setSizeHint(0, hint);
        }
    }
}

void AdvisorDialog::strategyClicked(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const QString strategy = item->data(0, kStrategyRole).toString();
    if (strategy.isEmpty())
        return;
    m_userChose = true;
    if (strategy == m_selected)
        return;
    m_selected = strategy;
    showDetails();
    updateButtons();
}

void AdvisorDialog::selectStrategy(const QString &strategy)
{
    for (int i = 0; i < m_strategies->topLevelItemCount(); ++i)
        if (m_strategies->topLevelItem(i)->data(0, kStrategyRole) == strategy)
            m_strategies->setCurrentItem(m_strategies->topLevelItem(i));
}

void AdvisorDialog::showDetails()
{
    const StrategyCatalog::Strategy *s = StrategyCatalog::strategy(m_selected);
    if (!s) {
        m_details->clear();
        return;
    }
    QString html =
        QStringLiteral("<h3>%1%2</h3><p>%3</p>")
            .arg(m_selected == m_recommendation.recommended ? QStringLiteral("\u2605 ") : QString(),
                 s->title.toHtmlEscaped(), s->description.toHtmlEscaped());
    html += htmlList(tr("Pros"), s->pros) + htmlList(tr("Cons"), s->cons) +
            htmlList(tr("When to use"), s->whenToUse);
    if (!s->process.isEmpty())
        html +=
            QStringLiteral("<h4>%1</h4><p>%2</p>")
                .arg(tr("Process"), s->process.join(QStringLiteral(" \u2192 ")).toHtmlEscaped());
    m_details->setHtml(html);
}

void AdvisorDialog::updateButtons()
{
    const AdvisorRecord &kept = m_document.project().advisor;
    const AdvisorAnswers current = answers();
    m_keep->setEnabled(kept.answers != current || kept.recommended != m_recommendation.recommended);
    m_generate->setEnabled(!m_selected.isEmpty());
    m_generate->setText(
        tr("Generate %1 Runbook…").arg(RunbookVocabulary::strategyTitle(m_selected)));
}

void AdvisorDialog::keepAnswers()
{
    const AdvisorAnswers current = answers();
    ProjectEdits(m_document)
        .setAdvisor(m_recommendation.record(current, QDateTime::currentDateTimeUtc()));
    setStatus(tr("Kept the answers and the recommendation (%1) in the project; save it to write "
                 "them to the file.")
                  .arg(RunbookVocabulary::strategyTitle(m_recommendation.recommended)));
    updateButtons();
    Q_EMIT answersKept();
}

void AdvisorDialog::generateRunbook()
{
    const QString strategy = m_selected;
    const QString title = RunbookVocabulary::strategyTitle(strategy);
    auto plan = RunbookTemplate::generate(strategy, m_document.project(), answers());
    if (!plan) {
        setStatus(tr("Cannot generate the %1 runbook: %2").arg(title, plan.error().message()),
                  true);
        return;
    }
    const qsizetype steps = m_document.project().runbook.steps.size();
    if (steps > 0) {
        QMessageBox box(QMessageBox::Question, tr("Replace the Runbook"),
                        tr("The runbook has %1 steps. Replace them with the %2 runbook's %3 "
                           "steps? Undo brings them back.")
                            .arg(steps)
                            .arg(title)
                            .arg(plan->steps.size()),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("replaceRunbookBox"));
        box.button(QMessageBox::Yes)->setText(tr("Replace"));
        box.setDefaultButton(QMessageBox::Cancel);
        if (box.exec() != QMessageBox::Yes)
            return;
    }
    ProjectEdits(m_document).replaceRunbook(*plan, tr("Generate the %1 runbook").arg(title));
    setStatus(tr("Wrote the %1 runbook into the project: %2 steps; save the project to write it "
                 "to the file.")
                  .arg(title)
                  .arg(plan->steps.size()));
    Q_EMIT runbookGenerated(strategy);
}

void AdvisorDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(error ? QStringLiteral("\u2715 ") + text : text);
    QPalette palette = this->palette();
    if (error)
        palette.setColor(QPalette::WindowText, ReportPalette::statusColour(ReconcileStatus::Fail));
    m_status->setPalette(palette);
}

void AdvisorDialog::measure()
{
    const quint64 generation = ++m_measureGeneration;
    m_volume.reset();
    m_volumeError.clear();
    m_rehearsalMinutes.reset();
    m_rehearsalError.clear();
    m_pendingMeasurements = 2;
    showVolumeStatus();
    showRehearsalStatus();
    const Project project = m_document.project();
    const PasswordProvider *passwords = m_passwords;

    auto *volume = new QFutureWatcher<Result<AdvisorMeasurements::Volume>>(this);
    connect(volume, &QFutureWatcherBase::finished, this, [this, volume, generation] {
        volume->deleteLater();
        if (generation == m_measureGeneration)
            volumeMeasured(volume->result());
    });
    volume->setFuture(QtConcurrent::run(
        [project, passwords] { return AdvisorMeasurements(project, passwords).volume(); }));

    auto *rehearsal = new QFutureWatcher<Result<double>>(this);
    connect(rehearsal, &QFutureWatcherBase::finished, this, [this, rehearsal, generation] {
        rehearsal->deleteLater();
        if (generation == m_measureGeneration)
            rehearsalMeasured(rehearsal->result());
    });
    rehearsal->setFuture(QtConcurrent::run([project, passwords] {
        return AdvisorMeasurements(project, passwords).rehearsalMinutes();
    }));
}

void AdvisorDialog::volumeMeasured(const Result<AdvisorMeasurements::Volume> &volume)
{
    if (!volume) {
        m_volumeError = volume.error().message();
    } else {
        m_volume = *volume;
        // A measurement fills in what was not answered; an answer stays (production may be
        // larger than the database at hand).
        if (volume->rows >= 0 && m_rows->value() < 0)
            m_rows->setValue(double(volume->rows));
        if (volume->sizeMb >= 0 && m_size->value() < 0)
            m_size->setValue(volume->sizeMb);
    }
    showVolumeStatus();
    measurementEnded();
}

void AdvisorDialog::rehearsalMeasured(const Result<double> &minutes)
{
    if (!minutes) {
        m_rehearsalError = minutes.error().message();
    } else {
        m_rehearsalMinutes = *minutes;
        if (*minutes >= 0 && m_rehearsal->value() < 0)
            m_rehearsal->setValue(*minutes);
    }
    showRehearsalStatus();
    measurementEnded();
}

void AdvisorDialog::measurementEnded()
{
    if (--m_pendingMeasurements == 0)
        Q_EMIT measured();
}

void AdvisorDialog::showVolumeStatus()
{
    if (!m_volumeStatus)
        return;
    QString text;
    if (!m_volumeError.isEmpty())
        text = tr("\u2715 Cannot measure: %1").arg(m_volumeError.toHtmlEscaped());
    else if (!m_volume)
        text = tr("measuring…");
    else if (m_volume->rows < 0)
        text = tr("nothing to measure: the project maps no table");
    else {
        text = tr("measured: %1 rows, about %2 MB")
                   .arg(number(double(m_volume->rows)), number(m_volume->sizeMb, 1));
        if (differs(m_rows, double(m_volume->rows)) || differs(m_size, m_volume->sizeMb))
            text += QStringLiteral(" (<a href=\"%1\">%2</a>)").arg(kUseRows, tr("use"));
    }
    m_volumeStatus->setText(text);
}

void AdvisorDialog::showRehearsalStatus()
{
    if (!m_rehearsalStatus)
        return;
    QString text;
    if (!m_rehearsalError.isEmpty())
        text = tr("\u2715 Cannot measure: %1").arg(m_rehearsalError.toHtmlEscaped());
    else if (!m_rehearsalMinutes)
        text = tr("measuring…");
    else if (*m_rehearsalMinutes < 0)
        text = tr("no rehearsal run yet");
    else {
        text = tr("measured: %1 min").arg(number(*m_rehearsalMinutes, 1));
        if (differs(m_rehearsal, *m_rehearsalMinutes))
            text += QStringLiteral(" (<a href=\"%1\">%2</a>)").arg(kUseRehearsal, tr("use"));
    }
    m_rehearsalStatus->setText(text);
}

void AdvisorDialog::useMeasured(const QString &which)
{
    if (which == kUseRows && m_volume) {
        m_rows->setValue(double(m_volume->rows));
        m_size->setValue(m_volume->sizeMb);
    } else if (which == kUseRehearsal && m_rehearsalMinutes) {
        m_rehearsal->setValue(*m_rehearsalMinutes);
    }
}

} // namespace cutover
