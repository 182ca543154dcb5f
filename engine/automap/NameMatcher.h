#pragma once

#include "automap/SynonymTable.h"

#include <QString>
#include <QStringList>

namespace cutover {

// Compares table and column names the way an engineer reads them: case, underscores, spaces and
// camelCase do not matter (PAT_NAME, patName, "pat name" are the words pat + name), plurals are
// singular, a "tbl" prefix and an "_fk" suffix are noise, a column prefix that repeats the table
// (PAT_ in PATIENTS, Doc in Practitioners) is dropped, abbreviations match their word (ins ~
// insurance) and synonyms match each other (dob ~ birth_date).
class NameMatcher
{
public:
    struct Match
    {
        double score = 0; // 0..1
        QString reason;   // empty when score is 0
    };

    explicit NameMatcher(const SynonymTable &synonyms = SynonymTable::standard());

    // The words of a name: "tblInvoice" -> tbl, invoice; "PAT_ID_FK" -> pat, id, fk.
    static QStringList words(const QString &name);
    // A word in the singular: patients -> patient, categories -> category, status stays.
    static QString singular(const QString &word);
    // The normalized form: singular words joined by '_', noise dropped ("tblInvoices" -> invoice).
    static QString normalized(const QString &name);
    // The leading word most columns of a table share (PAT in PAT_ID, PAT_NAME, ...), or empty.
    static QString commonPrefix(const QStringList &columnNames);

    // A table name against another.
    Match compareTables(const QString &source, const QString &target) const;
    // A column name against another, each with the words of its table (and the table's common
    // column prefix), which are dropped from the front of the column name.
    Match compareColumns(const QString &source, const QStringList &sourceTableWords,
                         const QString &target, const QStringList &targetTableWords) const;

    // Whether short is an abbreviation of long: a prefix (pat ~ patient) or the first letter and
    // then letters in order (amt ~ amount), at least three letters.
    static bool isAbbreviation(const QString &shortWord, const QString &longWord);

private:
    struct WordMatch
    {
        double score = 0;
        QString how;
    };

    QStringList tableWords(const QString &name) const;
    QStringList withoutTablePrefix(const QStringList &words, const QStringList &table) const;
    bool isTableWord(const QString &word, const QStringList &table) const;
    WordMatch compareWords(const QString &a, const QString &b) const;
    Match comparePhrases(const QStringList &source, const QStringList &target) const;
    Match alignWords(const QStringList &source, const QStringList &target) const;

    const SynonymTable &m_synonyms;
};

} // namespace cutover
