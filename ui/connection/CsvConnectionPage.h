#pragma once

#include "connection/ConnectionPage.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QTimer;

namespace cutover {

class CsvTablesView;

// A folder of CSV files: the folder, how its files are read (delimiter, quote, encoding,
// header), and the tables and column types those settings give, re-read shortly after each
// change.
class CsvConnectionPage : public ConnectionPage
{
    Q_OBJECT

public:
    explicit CsvConnectionPage(QWidget *parent = nullptr);

    ConnectionSpec::Kind kind() const override { return ConnectionSpec::Kind::Csv; }
    void load(const ConnectionSpec &spec) override;
    Result<QString> url(const QString &baseDir) const override;
    QString suggestedName() const override;

    // Reads the folder again now (also done shortly after each edit).
    void refreshPreview();

    QLineEdit *folderEdit() const { return m_folder; }
    QComboBox *delimiterBox() const { return m_delimiter; }
    QComboBox *quoteBox() const { return m_quote; }
    QComboBox *encodingBox() const { return m_encoding; }
    QCheckBox *headerBox() const { return m_header; }
    CsvTablesView *tablesView() const { return m_tables; }

private:
    void addFormatFields();
    void browse();
    QString absoluteFolder() const;
    QMap<QString, QString> options() const;
    static QString comboValue(const QComboBox *box);
    static void selectValue(QComboBox *box, const QString &value);

    QLineEdit *m_folder = nullptr;
    QComboBox *m_delimiter = nullptr;
    QComboBox *m_quote = nullptr;
    QComboBox *m_encoding = nullptr;
    QCheckBox *m_header = nullptr;
    CsvTablesView *m_tables = nullptr;
    QTimer *m_previewTimer = nullptr;
    QMap<QString, QString> m_otherOptions;
};

} // namespace cutover
