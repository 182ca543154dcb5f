#include "connection/CsvConnectionPage.h"

#include "connection/CsvTablesView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>

namespace cutover {

namespace {

const QString kDelimiter = QStringLiteral("delimiter");
const QString kQuote = QStringLiteral("quote");
const QString kEncoding = QStringLiteral("encoding");
const QString kHeader = QStringLiteral("header");
constexpr int kPreviewDelayMs = 300;

QComboBox *comboBox(QWidget *parent, const QString &name,
                    const QList<QPair<QString, QString>> &items, bool editable)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(name);
    box->setEditable(editable);
    for (const auto &[value, text] : items)
        box->addItem(text, value);
    return box;
}

} // namespace

CsvConnectionPage::CsvConnectionPage(QWidget *parent)
    : ConnectionPage(parent)
    , m_folder(new QLineEdit(this))
    , m_tables(new CsvTablesView(this))
    , m_previewTimer(new QTimer(this))
{
    m_folder->setObjectName(QStringLiteral("csvFolder"));
    m_folder->setPlaceholderText(tr("Folder of *.csv and *.tsv files, one table each"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("csvBrowse"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_folder, 1);
    row->addWidget(browse);
    addRow(tr("&Folder:"), m_folder, row);
    addFormatFields();
    form()->addRow(tr("Tables:"), m_tables);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(kPreviewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &CsvConnectionPage::refreshPreview);
    connect(this, &ConnectionPage::edited, m_previewTimer, qOverload<>(&QTimer::start));
    connect(browse, &QPushButton::clicked, this, &CsvConnectionPage::browse);
    connect(m_folder, &QLineEdit::textEdited, this, &ConnectionPage::edited);
}

void CsvConnectionPage::addFormatFields()
{
    m_delimiter = comboBox(this, QStringLiteral("csvDelimiter"),
                           {{QStringLiteral("comma"), tr(", comma")},
                            {QStringLiteral("semicolon"), tr("; semicolon")},
                            {QStringLiteral("tab"), tr("tab")},
                            {QStringLiteral("pipe"), tr("| pipe")}},
                           true);
    m_delimiter->setToolTip(tr("Or type another single character. *.tsv files use tab unless "
                               "you choose a delimiter."));
    m_quote = comboBox(this, QStringLiteral("csvQuote"),
                       {{QStringLiteral("\""), tr("\" double quote")},
                        {QStringLiteral("'"), tr("' single quote")},
                        {QStringLiteral("none"), tr("none")}},
                       false);
    m_encoding = comboBox(this, QStringLiteral("csvEncoding"),
                          {{QStringLiteral("utf-8"), QStringLiteral("utf-8")},
                           {QStringLiteral("utf-16"), QStringLiteral("utf-16")},
                           {QStringLiteral("latin1"), QStringLiteral("latin1")},
                           {QStringLiteral("windows-1252"), QStringLiteral("windows-1252")}},
                          true);
    m_header = new QCheckBox(tr("The first row holds the column names"), this);
    m_header->setObjectName(QStringLiteral("csvHeader"));
    m_header->setChecked(true);
    form()->addRow(tr("&Delimiter:"), m_delimiter);
    form()->addRow(tr("&Quote:"), m_quote);
    form()->addRow(tr("&Encoding:"), m_encoding);
    form()->addRow(QString(), m_header);
    for (QComboBox *box : {m_delimiter, m_quote, m_encoding})
        connect(box, &QComboBox::currentTextChanged, this, &ConnectionPage::edited);
    connect(m_header, &QCheckBox::toggled, this, &ConnectionPage::edited);
}

QString CsvConnectionPage::comboValue(const QComboBox *box)
{
    const int index = box->findText(box->currentText());
    return index >= 0 ? box->itemData(index).toString() : box->currentText().trimmed();
}

void CsvConnectionPage::selectValue(QComboBox *box, const QString &value)
{
    const int index = box->findData(value);
    if (index >= 0)
        box->setCurrentIndex(index);
    else if (box->isEditable())
        box->setCurrentText(value);
}

void CsvConnectionPage::load(const ConnectionSpec &spec)
{
    m_otherOptions = spec.options();
    m_folder->setText(QDir::toNativeSeparators(spec.path()));
    const QString delimiter = m_otherOptions.take(kDelimiter);
    selectValue(m_delimiter, delimiter == QLatin1String(",")   ? QStringLiteral("comma")
                             : delimiter == QLatin1String(";") ? QStringLiteral("semicolon")
                             : delimiter == QLatin1String("|") ? QStringLiteral("pipe")
                             : delimiter == QLatin1String("\\t")
                                 ? QStringLiteral("tab")
                                 : (delimiter.isEmpty() ? QStringLiteral("comma") : delimiter));
    const QString quote = m_otherOptions.take(kQuote);
    selectValue(m_quote, quote.isEmpty() ? QStringLiteral("\"") : quote);
    const QString encoding = m_otherOptions.take(kEncoding);
    selectValue(m_encoding, encoding.isEmpty() ? QStringLiteral("utf-8") : encoding);
    const QString header = m_otherOptions.take(kHeader).toLower();
    m_header->setChecked(header != QLatin1String("false") && header != QLatin1String("no") &&
                         header != QLatin1String("0"));
    refreshPreview();
}

QMap<QString, QString> CsvConnectionPage::options() const
{
    QMap<QString, QString> options = m_otherOptions;
    const QString delimiter = comboValue(m_delimiter);
    if (delimiter != QLatin1String("comma"))
        options.insert(kDelimiter, delimiter);
    const QString quote = comboValue(m_quote);
    if (quote != QLatin1String("\""))
        options.insert(kQuote, quote);
    const QString encoding = comboValue(m_encoding).toLower();
    if (encoding != QLatin1String("utf-8"))
        options.insert(kEncoding, encoding);
    if (!m_header->isChecked())
        options.insert(kHeader, QStringLiteral("false"));
    return options;
}

QString CsvConnectionPage::absoluteFolder() const
{
    return absolutePath(m_folder->text());
}

Result<QString> CsvConnectionPage::url(const QString &baseDir) const
{
    const QString folder = absoluteFolder();
    if (folder.isEmpty())
        return Error(Error::Code::Usage, tr("Choose the folder of CSV files."));
    if (!QFileInfo(folder).isDir())
        return Error(Error::Code::Usage, tr("There is no folder at %1.").arg(folder));
    return QStringLiteral("csv:") + storedPath(folder, baseDir) + queryString(options());
}

QString CsvConnectionPage::suggestedName() const
{
    return QFileInfo(absoluteFolder()).fileName();
}

void CsvConnectionPage::refreshPreview()
{
    m_previewTimer->stop();
    if (m_folder->text().trimmed().isEmpty()) {
        m_tables->showMessage(tr("Choose a folder of *.csv or *.tsv files to see its tables."));
        return;
    }
    auto made = url(baseDir());
    if (!made) {
        m_tables->showMessage(made.error().message());
        return;
    }
    m_tables->preview(*made, baseDir());
}

void CsvConnectionPage::browse()
{
    const QString start = m_folder->text().isEmpty() ? lastFolder() : absoluteFolder();
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("CSV folder"), start);
    if (chosen.isEmpty())
        return;
    m_folder->setText(QDir::toNativeSeparators(chosen));
    rememberFolder(chosen);
    Q_EMIT edited();
}

} // namespace cutover
