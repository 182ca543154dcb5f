// RuleEditor driven like a user on the offscreen platform over a real project file: changing a
// rule's kind shows that kind's fields and hides the others, the severity and the fields reach
// the project, typing in one field is one undo step, Ctrl+Z takes every change back to the loaded
// bytes, and a deleted rule is said to be gone until undo brings it back.
#include "ProjectDocument.h"
#include "ProjectEdits.h"
#include "project/ProjectWriter.h"
#include "rules/RuleEditor.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;

namespace {

Rule rule(const char *name, const char *column, Rule::Kind kind)
{
    Rule r;
    r.name = QString::fromUtf8(name);
    r.table = QStringLiteral("patient");
    r.column = QString::fromUtf8(column);
    r.kind = kind;
    return r;
}

Project sample()
{
    Project p;
    p.name = QStringLiteral("clinic");
    p.connections = {{QStringLiteral("legacy"), QStringLiteral("sqlite:legacy.sqlite"), {}},
                     {QStringLiteral("modern"), QStringLiteral("sqlite:modern.sqlite"), {}}};
    p.sourceConnection = QStringLiteral("legacy");
    p.targetConnection = QStringLiteral("modern");
    TableMapping m;
    m.source = QStringLiteral("PATIENTS");
    m.target = QStringLiteral("patient");
    ColumnMapping email;
    email.target = QStringLiteral("email");
    email.expression = QStringLiteral("lower(EMAIL)");
    m.columns = {email};
    p.mappings = {m};
    Rule pattern = rule("email-format", "email", Rule::Kind::Pattern);
    pattern.pattern = QStringLiteral("^[^@]+@[^@]+$");
    pattern.message = QStringLiteral("not an e-mail address");
    p.rules = {pattern, rule("id-unique", "id", Rule::Kind::Unique)};
    return p;
}

} // namespace

class TestRuleEditor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    QByteArray m_loadedBytes;

    struct Window
    {
        QWidget window;
        RuleEditor *editor;
        explicit Window(ProjectDocument &doc)
            : editor(new RuleEditor(doc, &window))
        {
            QAction *undo = doc.undoStack()->createUndoAction(&window);
            undo->setShortcut(QKeySequence::Undo);
            window.addAction(undo);
            window.resize(600, 500);
            editor->resize(600, 500);
            window.show();
            QApplication::setActiveWindow(&window);
        }
    };

    // The field whose row label reads label ("&Minimum:" without the mnemonic).
    static QWidget *field(RuleEditor *editor, const QString &label)
    {
        auto *form = editor->findChild<QFormLayout *>();
        for (int row = 0; row < form->rowCount(); ++row) {
            auto *name =
                qobject_cast<QLabel *>(form->itemAt(row, QFormLayout::LabelRole)
                                           ? form->itemAt(row, QFormLayout::LabelRole)->widget()
                                           : nullptr);
            if (name && name->text().remove(QLatin1Char('&')) == label)
                return form->itemAt(row, QFormLayout::FieldRole)->widget();
        }
        return nullptr;
    }

    static QStringList shownKindFields(RuleEditor *editor)
    {
        QStringList shown;
        for (const char *label :
             {"Pattern:", "Minimum:", "Maximum:", "Allowed values:", "References:", "Expression:"})
            if (editor->isFieldShown(field(editor, QString::fromUtf8(label))))
                shown.append(QString::fromUtf8(label));
        return shown;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("clinic.cutover"));
        QVERIFY(ProjectWriter::save(sample(), m_path).ok());
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_loadedBytes = file.readAll();
    }

    void showsTheRule()
    {
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        Window w(doc);
        w.editor->showRule(0);
        QCOMPARE(qobject_cast<QLineEdit *>(field(w.editor, "Name:"))->text(),
                 QStringLiteral("email-format"));
        QCOMPARE(qobject_cast<QLineEdit *>(field(w.editor, "Pattern:"))->text(),
                 QStringLiteral("^[^@]+@[^@]+$"));
        QCOMPARE(qobject_cast<QComboBox *>(field(w.editor, "Table:"))->currentText(),
                 QStringLiteral("patient"));
        QCOMPARE(shownKindFields(w.editor), QStringList{QStringLiteral("Pattern:")});
    }

    void changingKindAndSeverityIsUndoneByCtrlZ()
    {
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        Window w(doc);
        w.editor->showRule(0);
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        auto *kind = qobject_cast<QComboBox *>(field(w.editor, "Kind:"));
        kind->setFocus();
        QTest::keyClick(kind, Qt::Key_Down); // Pattern -> Range
        QCOMPARE(doc.project().rules.at(0).kind, Rule::Kind::Range);
        QCOMPARE(shownKindFields(w.editor),
                 (QStringList{QStringLiteral("Minimum:"), QStringLiteral("Maximum:")}));
        auto *minimum = field(w.editor, "Minimum:");
        QTest::keyClicks(minimum, QStringLiteral("10"));
        QCOMPARE(doc.project().rules.at(0).minimum, QStringLiteral("10"));
        auto *severity = qobject_cast<QComboBox *>(field(w.editor, "Severity:"));
        severity->setFocus();
        QTest::keyClick(severity, Qt::Key_Down);
        QCOMPARE(doc.project().rules.at(0).severity, Rule::Severity::Warning);
        QCOMPARE(doc.undoStack()->count(), 3); // kind, minimum (one step for "10"), severity
        QCOMPARE(doc.undoStack()->undoText(),
                 QStringLiteral("Change the severity of rule email-format"));

        for (int i = 0; i < 3; ++i)
            QTest::keyClick(kind, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc.project().rules.at(0).kind, Rule::Kind::Pattern);
        QCOMPARE(kind->currentText(), QStringLiteral("Matches a pattern"));
        QCOMPARE(severity->currentIndex(), 0);
        QCOMPARE(shownKindFields(w.editor), QStringList{QStringLiteral("Pattern:")});
        QCOMPARE(doc.toBytes(), m_loadedBytes);
    }

    void everyKindShowsItsFields_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("fields");
        QTest::newRow("not null") << int(Rule::Kind::NotNull) << QStringList{};
        QTest::newRow("unique") << int(Rule::Kind::Unique) << QStringList{};
        QTest::newRow("pattern") << int(Rule::Kind::Pattern) << QStringList{"Pattern:"};
        QTest::newRow("range") << int(Rule::Kind::Range) << QStringList{"Minimum:", "Maximum:"};
        QTest::newRow("allowed") << int(Rule::Kind::AllowedValues)
                                 << QStringList{"Allowed values:"};
        QTest::newRow("reference")
            << int(Rule::Kind::ReferenceExists) << QStringList{"References:"};
        QTest::newRow("expression") << int(Rule::Kind::Expression) << QStringList{"Expression:"};
    }

    void everyKindShowsItsFields()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, fields);
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        Window w(doc);
        w.editor->showRule(1);
        auto *combo = qobject_cast<QComboBox *>(field(w.editor, "Kind:"));
        QCOMPARE(combo->count(), 7);
        combo->setCurrentIndex(combo->findData(kind));
        QCOMPARE(int(doc.project().rules.at(1).kind), kind);
        QCOMPARE(shownKindFields(w.editor), fields);
    }

    void typingInOneFieldIsOneUndoStep()
    {
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        Window w(doc);
        w.editor->showRule(1);
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        auto *combo = qobject_cast<QComboBox *>(field(w.editor, "Kind:"));
        combo->setCurrentIndex(combo->findData(int(Rule::Kind::AllowedValues)));
        auto *allowed = qobject_cast<QPlainTextEdit *>(field(w.editor, "Allowed values:"));
        allowed->setFocus();
        QTest::keyClicks(allowed, QStringLiteral("F"));
        QTest::keyClick(allowed, Qt::Key_Return);
        QTest::keyClicks(allowed, QStringLiteral("M"));
        QCOMPARE(doc.project().rules.at(1).allowed,
                 (QStringList{QStringLiteral("F"), QStringLiteral("M")}));
        auto *message = field(w.editor, "Message:");
        QTest::keyClicks(message, QStringLiteral("unknown sex"));
        QCOMPARE(doc.project().rules.at(1).message, QStringLiteral("unknown sex"));
        QCOMPARE(doc.undoStack()->count(), 3); // kind, allowed values, message
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(allowed->toPlainText(), QString());
        QCOMPARE(doc.toBytes(), m_loadedBytes);
    }

    void aDeletedRuleIsSaidToBeGoneUntilUndo()
    {
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        Window w(doc);
        w.editor->showRule(1);
        auto *pages = w.editor->findChild<QStackedWidget *>();
        ProjectEdits(doc).removeRule(1);
        QCOMPARE(w.editor->ruleIndex(), -1);
        QCOMPARE(pages->currentIndex(), 1);
        QVERIFY(qobject_cast<QLabel *>(pages->currentWidget())
                    ->text()
                    .contains(QStringLiteral("\u201cid-unique\u201d no longer exists")));
        ProjectEdits(doc).removeRule(0); // another one goes too: still gone
        QCOMPARE(pages->currentIndex(), 1);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(pages->currentIndex(), 0);
        QCOMPARE(w.editor->ruleIndex(), 1);
        QCOMPARE(qobject_cast<QLineEdit *>(field(w.editor, "Name:"))->text(),
                 QStringLiteral("id-unique"));
    }

    void renamingFollowsTheRule()
    {
        ProjectDocument doc;
        QVERIFY(doc.open(m_path).ok());
        Window w(doc);
        w.editor->showRule(1);
        QVERIFY(QTest::qWaitForWindowActive(&w.window));
        auto *name = qobject_cast<QLineEdit *>(field(w.editor, "Name:"));
        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("patient-id-unique"));
        QCOMPARE(doc.project().rules.at(1).name, QStringLiteral("patient-id-unique"));
        QCOMPARE(w.editor->ruleIndex(), 1);
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(name->cursorPosition(), name->text().size());
        doc.undoStack()->undo();
        QCOMPARE(w.editor->ruleIndex(), 1);
        QCOMPARE(name->text(), QStringLiteral("id-unique"));
    }
};

QTEST_MAIN(TestRuleEditor)
#include "tst_ruleeditor.moc"
