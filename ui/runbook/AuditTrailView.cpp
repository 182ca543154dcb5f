#include "runbook/AuditTrailView.h"

#include "AuditTrailFilterModel.h"
#include "ReportPalette.h"
#include "audit/AuditTrail.h"

#include <QButtonGroup>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace cutover {

namespace {

constexpr int kDebounceMs = 300;
constexpr int kHashPrefix = 12;

const std::optional<AuditTrailModel::Family> kChoices[] = {
    std::nullopt, AuditTrailModel::Family::Runbook, AuditTrailModel::Family::Runs,
    AuditTrailModel::Family::Reports, AuditTrailModel::Family::Project};

enum Page
{
    MessagePage,
    TablePage
};

} // namespace

AuditTrailView::AuditTrailView(QWidget *parent)
    : QWidget(parent)
    , m_model(new AuditTrailModel(this))
    , m_filter(new AuditTrailFilterModel(m_model, this))
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AuditTrailModel::SeqColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AuditTrailModel::SummaryColumn, QHeaderView::Stretch);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("auditMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMargin(24);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(createDetail());
    split->setChildrenCollapsible(false);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    m_pages = new QStackedWidget(this);
    m_pages->insertWidget(MessagePage, m_message);
    m_pages->insertWidget(TablePage, split);

    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("auditVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verdict->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createBar());
    layout->addWidget(m_verdict);
    layout->addWidget(m_pages, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &AuditTrailView::refresh);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_debounce,
            qOverload<>(&QTimer::start));
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AuditTrailView::showSelection);
    setProjectPath({});
}

AuditTrailView::~AuditTrailView() = default;

QWidget *AuditTrailView::createBar()
{
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(new QLabel(tr("Show:"), bar));
    m_families = new QButtonGroup(this);
    for (const auto family : kChoices) {
        auto *button = new QToolButton(bar);
        const QString title = family ? AuditTrailModel::familyTitle(*family) : tr("All");
        button->setObjectName(QStringLiteral("auditFamily") + title);
        button->setText(title);
        button->setCheckable(true);
        button->setFocusPolicy(Qt::StrongFocus);
        m_families->addButton(button, idOf(family));
        layout->addWidget(button);
    }
    m_families->button(idOf(std::nullopt))->setChecked(true);
    connect(m_families, &QButtonGroup::idClicked, this, [this](int id) {
        m_filter->setFamily(id > 0 ? std::optional<Family>(Family(id)) : std::nullopt);
    });
    layout->addSpacing(12);
    m_text = new QLineEdit(bar);
    m_text->setObjectName(QStringLiteral("auditText"));
    m_text->setPlaceholderText(tr("Filter by who, kind, summary or data"));
    m_text->setClearButtonEnabled(true);
    connect(m_text, &QLineEdit::textChanged, m_filter, &AuditTrailFilterModel::setText);
    layout->addWidget(m_text, 1);
    layout->addSpacing(12);
    m_refresh = new QPushButton(tr("Refresh"), bar);
    m_refresh->setToolTip(tr("Read the audit trail again"));
    m_verify = new QPushButton(tr("Verify"), bar);
    m_verify->setToolTip(tr("Check that no entry was changed, removed, moved or cut off, as "
                            "'cutover-cli audit verify' does"));
    connect(m_refresh, &QPushButton::clicked, this, &AuditTrailView::refresh);
    connect(m_verify, &QPushButton::clicked, this, &AuditTrailView::verify);
    layout->addWidget(m_refresh);
    layout->addWidget(m_verify);
    return bar;
}

QWidget *AuditTrailView::createDetail()
{
    auto *pane = new QWidget(this);
    m_entryTitle = new QLabel(pane);
    m_entryTitle->setObjectName(QStringLiteral("auditEntryTitle"));
    m_entryTitle->setWordWrap(true);
    m_entryTitle->setTextFormat(Qt::PlainText);
    m_entryTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail = new QPlainTextEdit(pane);
    m_detail->setObjectName(QStringLiteral("auditDetail"));
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setPlaceholderText(tr("Choose an entry to see its data."));
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_entryTitle);
    layout->addWidget(m_detail, 1);
    return pane;
}

int AuditTrailView::idOf(std::optional<Family> family)
{
    return family ? int(*family) : 0; // Other has no button of its own
}

QAbstractButton *AuditTrailView::familyButton(std::optional<Family> family) const
{
    return m_families->button(idOf(family));
}

void AuditTrailView::setProjectPath(const QString &projectPath)
{
    m_projectPath = projectPath;
    m_trailPath = projectPath.isEmpty() ? QString() : AuditTrail::forProject(projectPath).path();
    m_verdictShown = false;
    m_verdict->hide();
    m_model->setBroken(0, {});
    m_model->setEntries({});
    watch();
    refresh();
}

void AuditTrailView::watch()
{
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    if (m_trailPath.isEmpty())
        return;
    // The folder, for the trail's first entry and the head file's renames; the file for appends.
    m_watcher.addPath(QFileInfo(m_trailPath).absolutePath());
    if (QFileInfo::exists(m_trailPath))
        m_watcher.addPath(m_trailPath);
}

void AuditTrailView::refresh()
{
    load(m_verdictShown);
}

void AuditTrailView::verify()
{
    load(true);
}

void AuditTrailView::load(bool withVerdict)
{
    const quint64 generation = ++m_generation;
    m_debounce.stop();
    if (m_trailPath.isEmpty()) {
        m_loading = false;
        showMessage(tr("This project has not been saved yet. Its audit trail starts when it is "
                       "saved: runs, reconciliations, saved changes and runbook steps are "
                       "recorded beside the project file."));
        m_refresh->setEnabled(false);
        m_verify->setEnabled(false);
        return;
    }
    if (!m_watcher.files().contains(m_trailPath) && QFileInfo::exists(m_trailPath))
        m_watcher.addPath(m_trailPath); // the first entry was just written
    m_loading = true;
    m_refresh->setEnabled(true);
    m_verify->setEnabled(true);
    if (withVerdict && !m_verdictShown) {
        m_verdict->setText(tr("Verifying…"));
        m_verdict->setStyleSheet({});
        m_verdict->show();
    }
    auto *watcher = new QFutureWatcher<Reading>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer read is under way
        m_loading = false;
        apply(watcher->result());
    });
    const QString path = m_trailPath;
    watcher->setFuture(QtConcurrent::run([path, withVerdict] {
        const AuditTrail trail(path);
        Reading reading{trail.entries(), std::nullopt};
        if (withVerdict)
            reading.verdict = AuditVerifier::verify(trail);
        return reading;
    }));
}

void AuditTrailView::apply(const Reading &reading)
{
    if (!reading.entries) {
        showMessage(
            tr("Cannot read the audit trail %1: %2")
                .arg(QDir::toNativeSeparators(m_trailPath), reading.entries.error().message()));
        return;
    }
    const qint64 selected = selectedSeq();
    m_model->setEntries(*reading.entries);
    if (reading.entries->isEmpty())
        showMessage(tr("No entries yet. Runs, rollbacks, reconciliations, saved changes and "
                       "runbook steps are recorded here as they happen."));
    else
        m_pages->setCurrentIndex(TablePage);
    if (selected > 0 && selectedSeq() != selected)
        selectEntry(selected);
    if (reading.verdict)
        showVerdict(*reading.verdict);
    Q_EMIT loaded(int(reading.entries->size()));
    if (reading.verdict)
        Q_EMIT verified(reading.verdict->intact);
}

void AuditTrailView::showVerdict(const AuditVerifier::Verdict &v)
{
    m_verdictShown = true;
    const ReconcileStatus status = v.intact ? ReconcileStatus::Pass : ReconcileStatus::Fail;
    QString text;
    if (v.intact) {
        text = tr("\u2713 Chain intact: %1 entries").arg(QLocale().toString(v.entries));
        if (!v.headHash.isEmpty())
            text += tr(", head %1\u2026").arg(v.headHash.left(kHashPrefix));
    } else {
        QString reason = v.reason;
        if (!reason.endsWith(QLatin1Char('.')))
            reason += QLatin1Char('.');
        text = v.line > 0 ? tr("\u2715 Broken at entry %1 (line %2): %3")
                                .arg(v.firstBad)
                                .arg(v.line)
                                .arg(reason)
                          : tr("\u2715 Broken at entry %1: %2").arg(v.firstBad).arg(reason);
        if (v.firstBad > 1)
            text += QLatin1Char(' ') + tr("Entries 1 to %1 are intact.").arg(v.firstBad - 1);
    }
    if (!v.note.isEmpty())
        text += QLatin1Char(' ') + tr("Note: %1").arg(v.note);
    m_verdict->setText(text);
    m_verdict->setToolTip(v.headHash.isEmpty() ? QString() : tr("Head hash: %1").arg(v.headHash));
    m_verdict->setStyleSheet(QStringLiteral("QLabel { color: %1; background: %2; padding: 4px; }")
                                 .arg(ReportPalette::statusColour(status).name(),
                                      ReportPalette::statusTint(status).name()));
    m_verdict->show();
    m_model->setBroken(v.intact ? 0 : v.firstBad, v.reason);
    if (!v.intact && m_model->rowOf(v.firstBad) >= 0)
        selectEntry(v.firstBad);
    showSelection();
}

QString AuditTrailView::verdictText() const
{
    return m_verdict->isHidden() ? QString() : m_verdict->text();
}

void AuditTrailView::showMessage(const QString &text)
{
    m_message->setText(text);
    m_pages->setCurrentIndex(MessagePage);
    showSelection();
}

qint64 AuditTrailView::selectedSeq() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(AuditTrailModel::SeqRole).toLongLong();
}

void AuditTrailView::selectEntry(qint64 seq)
{
    QModelIndex index = m_filter->shownIndex(seq);
    if (!index.isValid() && m_model->rowOf(seq) >= 0) {
        // Hidden by the filters: show everything rather than select nothing.
        m_text->clear();
        m_families->button(idOf(std::nullopt))->setChecked(true);
        m_filter->setFamily(std::nullopt);
        index = m_filter->shownIndex(seq);
    }
    if (!index.isValid())
        return;
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                 QItemSelectionModel::Rows);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void AuditTrailView::showSelection()
{
    const int row = m_model->rowOf(selectedSeq());
    const AuditEntry *e = m_model->entry(row);
    if (!e || m_pages->currentIndex() != TablePage) {
        m_entryTitle->setText(tr("No entry chosen."));
        m_detail->clear();
        return;
    }
    QString title;
    if (e->seq == m_model->brokenSeq())
        title = AuditTrailModel::brokenMark() + QLatin1Char(' ') +
                tr("The chain breaks here: %1").arg(m_model->brokenReason()) + QLatin1Char('\n');
    title += tr("Entry %1 — %2 by %3\n%4: %5")
                 .arg(QLocale().toString(e->seq), AuditTrailModel::timeText(e->time), e->who,
                      e->kind, e->summary);
    title += QLatin1Char('\n') + tr("Hash %1\u2026, after %2\u2026")
                                     .arg(e->hash.left(kHashPrefix), e->prev.left(kHashPrefix));
    m_entryTitle->setText(title);
    m_detail->setPlainText(AuditTrailModel::dataText(*e));
}

} // namespace cutover
