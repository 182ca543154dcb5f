#pragma once

#include "core/Error.h"
#include "schema/DatabaseSchema.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace cutover {

// The tables a CSV folder connection would give, with their inferred column types and row
// counts, read on a worker thread: a newer preview drops the result of an older one.
class CsvTablesView : public QWidget
{
    Q_OBJECT

public:
    struct Outcome
    {
        bool ok = false;
        DatabaseSchema schema;
        Error error;
    };

    explicit CsvTablesView(QWidget *parent = nullptr);

    // Reads the folder of url (a csv: URL, relative to baseDir) in the background.
    void preview(const QString &url, const QString &baseDir);
    // Shows a message instead of tables (nothing to read yet, or options to fix first).
    void showMessage(const QString &message);
    bool isReading() const { return m_reading; }

    QTreeWidget *tree() const { return m_tree; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    // The latest preview is shown.
    void previewShown(bool ok);

private:
    static Outcome read(const QString &url, const QString &baseDir);
    void show(quint64 generation, const Outcome &outcome);
    void fill(const DatabaseSchema &schema);

    QTreeWidget *m_tree = nullptr;
    QLabel *m_status = nullptr;
    quint64 m_generation = 0;
    bool m_reading = false;
};

} // namespace cutover
