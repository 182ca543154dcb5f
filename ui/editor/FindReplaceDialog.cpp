#include "editor/FindReplaceDialog.h"

#include "ProjectDocument.h"
#include "ProjectEdits.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cutover {

namespace {

// The expression with the match in brackets, for a list that has no rich text: «…».
QString shownMatch(const ExpressionSearch::Match &m)
{
    return m.text.left(m.start) + QStringLiteral("\u00ab") + m.text.mid(m.start, m.length) +
           QStringLiteral("\u00bb") + m.text.mid(m.start + m.length);
}

} // namespace

FindReplaceDialog::FindReplaceDialog(ProjectDocument &document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_find(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_matchCase(new QCheckBox(tr("Match case"), this))
    , m_wholeWords(new QCheckBox(tr("Whole words"), this))
    , m_regex(new QCheckBox(tr("Regular expression"), this))
    , m_summary(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_replaceOne(new QPushButton(tr("&Replace"), this))
    , m_replaceAll(new QPushButton(tr("Replace &All"), this))
{
    setObjectName(QStringLiteral("findReplaceDialog"));
    setWindowTitle(tr("Find and Replace in Expressions"));
    m_find->setObjectName(QStringLiteral("findText"));
    m_find->setPlaceholderText(tr("a column, a function, any text"));
    m_replace->setObjectName(QStringLiteral("replaceText"));
    m_replace->setPlaceholderText(tr("with (\\1 is a group of a regular expression)"));
    m_summary->setObjectName(QStringLiteral("findSummary"));
    m_list->setObjectName(QStringLiteral("findMatches"));
    m_list->setHeaderLabels({tr("Where"), tr("Expression")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setColumnWidth(0, 220);
    m_list->header()->setStretchLastSection(true);
    m_replaceOne->setObjectName(QStringLiteral("replaceOne"));
    m_replaceAll->setObjectName(QStringLiteral("replaceAll"));

    auto *form = new QFormLayout;
    form->addRow(tr("Find:"), m_find);
    form->addRow(tr("Replace with:"), m_replace);
    auto *options = new QHBoxLayout;
    for (QCheckBox *box : {m_matchCase, m_wholeWords, m_regex}) {
        options->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &FindReplaceDialog::refresh);
    }
    options->addStretch(1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_replaceOne, QDialogButtonBox::ActionRole);
    buttons->addButton(m_replaceAll, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(options);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(760, 460);

    connect(m_find, &QLineEdit::textChanged, this, &FindReplaceDialog::refresh);
    connect(m_replaceOne, &QPushButton::clicked, this, &FindReplaceDialog::replaceChosen);
    connect(m_replaceAll, &QPushButton::clicked, this, &FindReplaceDialog::replaceAll);
    connect(m_list, &QTreeWidget::itemActivated, this, &FindReplaceDialog::chooseCurrent);
    connect(&document, &ProjectDocument::changed, this, &FindReplaceDialog::refresh);
    connect(&document, &ProjectDocument::projectReplaced, this, &FindReplaceDialog::refresh);
}

void FindReplaceDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    refresh();
}

void FindReplaceDialog::setFindText(const QString &text)
{
    m_find->setText(text);
}

void FindReplaceDialog::setReplaceText(const QString &text)
{
    m_replace->setText(text);
}

void FindReplaceDialog::setOptions(const ExpressionSearch::Options &options)
{
    m_matchCase->setChecked(options.matchCase);
    m_wholeWords->setChecked(options.wholeWords);
    m_regex->setChecked(options.regularExpression);
}

ExpressionSearch FindReplaceDialog::search() const
{
    ExpressionSearch::Options options;
    options.matchCase = m_matchCase->isChecked();
    options.wholeWords = m_wholeWords->isChecked();
    options.regularExpression = m_regex->isChecked();
    return ExpressionSearch(m_find->text(), options);
}

// Only while shown: hidden, the dialog would search the project again at every key typed in an
// expression.
void FindReplaceDialog::refresh()
{
    if (!isVisible())
        return;
    const ExpressionSearch finder = search();
    m_matches = m_document.hasProject() ? finder.find(m_document.project())
                                        : QList<ExpressionSearch::Match>();
    fillList();
    m_summary->setText(summary(finder));
    m_replaceOne->setEnabled(!m_matches.isEmpty());
    m_replaceAll->setEnabled(!m_matches.isEmpty());
}

// The matches, the one chosen before staying chosen (or the last one, when it went).
void FindReplaceDialog::fillList()
{
    const int current = m_list->indexOfTopLevelItem(m_list->currentItem());
    m_list->clear();
    for (const ExpressionSearch::Match &match : m_matches) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, ExpressionSearch::placeName(m_document.project(), match));
        item->setText(1, shownMatch(match));
        item->setToolTip(1, match.text);
    }
    if (!m_matches.isEmpty())
        m_list->setCurrentItem(m_list->topLevelItem(qBound(0, current, int(m_matches.size()) - 1)));
}

QString FindReplaceDialog::summary(const ExpressionSearch &finder) const
{
    if (m_find->text().isEmpty())
        return tr("Type what to find in the expressions, queries, filters and rules.");
    if (!finder.isValid())
        return tr("\u2717 %1").arg(finder.error());
    if (m_matches.isEmpty())
        return tr("No expression, query, filter or rule has it.");
    QSet<QString> places;
    for (const ExpressionSearch::Match &match : m_matches)
        places.insert(ExpressionSearch::placeName(m_document.project(), match));
    const QString matches =
        m_matches.size() == 1 ? tr("1 match") : tr("%1 matches").arg(m_matches.size());
    return tr("%1 in %2")
        .arg(matches,
             places.size() == 1 ? tr("1 expression") : tr("%1 expressions").arg(places.size()));
}

QString FindReplaceDialog::summaryText() const
{
    return m_summary->text();
}

bool FindReplaceDialog::replaceChosen()
{
    const int row = m_list->indexOfTopLevelItem(m_list->currentItem());
    if (row < 0 || row >= m_matches.size())
        return false;
    const ExpressionSearch::Match match = m_matches.at(row);
    const Project after = search().replaceOne(m_document.project(), match, m_replace->text());
    if (after == m_document.project())
        return false;
    ProjectEdits(m_document)
        .replaceProject(after, tr("Replace \u201c%1\u201d in %2")
                                   .arg(m_find->text(),
                                        ExpressionSearch::placeName(m_document.project(), match)));
    return true;
}

bool FindReplaceDialog::replaceAll()
{
    int count = 0;
    const Project after = search().replaceAll(m_document.project(), m_replace->text(), &count);
    if (count == 0)
        return false;
    ProjectEdits(m_document)
        .replaceProject(after, tr("Replace \u201c%1\u201d with \u201c%2\u201d (%3)")
                                   .arg(m_find->text(), m_replace->text(),
                                        count == 1 ? tr("1 match") : tr("%1 matches").arg(count)));
    return true;
}

void FindReplaceDialog::chooseCurrent()
{
    const int row = m_list->indexOfTopLevelItem(m_list->currentItem());
    if (row >= 0 && row < m_matches.size())
        Q_EMIT matchChosen(m_matches.at(row));
}

} // namespace cutover
