#pragma once

#include "core/Result.h"
#include "dialect/ConnectionSpec.h"

#include <QMap>
#include <QWidget>

class QFormLayout;

namespace cutover {

// One kind's fields in the connection dialog. A page shows a parsed connection (load) and makes
// the URL the project stores from what the user typed (url): never a password. Options of the
// loaded URL that the page has no field for are kept.
class ConnectionPage : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionPage(QWidget *parent = nullptr);

    virtual ConnectionSpec::Kind kind() const = 0;
    virtual void load(const ConnectionSpec &spec) = 0;
    // The URL to store, with a file path inside baseDir (the project's folder) made relative to
    // it; an Error naming the field to fix when something is missing.
    virtual Result<QString> url(const QString &baseDir) const = 0;
    // A connection name made from the fields (the file's or the database's name).
    virtual QString suggestedName() const = 0;
    // Work to do once the user accepted, before the URL is stored (creating a file).
    virtual Result<void> prepareAccept() { return {}; }

    QFormLayout *form() const { return m_form; }
    // The project's folder: a typed relative path is relative to it.
    void setBaseDir(const QString &baseDir) { m_baseDir = baseDir; }
    const QString &baseDir() const { return m_baseDir; }

Q_SIGNALS:
    // The user changed a field: a test result or preview no longer holds.
    void edited();

protected:
    // path as stored: relative when it lies inside baseDir, else absolute.
    // A row whose field is a layout (an edit with its Browse button): the label's mnemonic goes
    // to buddy.
    void addRow(const QString &label, QWidget *buddy, QLayout *field);
    // A typed path (native separators, maybe relative to baseDir()) made absolute; empty stays
    // empty.
    QString absolutePath(const QString &typed) const;
    static QString storedPath(const QString &absolutePath, const QString &baseDir);
    // "?a=1&b=2" from options (empty when there are none).
    static QString queryString(const QMap<QString, QString> &options);
    // The last folder a file picker showed, and remembering a new one (QSettings).
    static QString lastFolder();
    static void rememberFolder(const QString &folder);

private:
    QFormLayout *m_form = nullptr;
    QString m_baseDir;
};

} // namespace cutover
