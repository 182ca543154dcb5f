#pragma once

#include "project/Project.h"

#include <QRegularExpression>

namespace cutover {

// Finds text in every expression of a project, and replaces it: the column mappings'
// expressions, the table mappings' source queries and filters, and the expression rules. Plain text
// or a regular expression (then \1 in the replacement is the first group), any case or matching
// case, anywhere or whole words only.
class ExpressionSearch
{
public:
    struct Options
    {
        bool matchCase = false;
        bool wholeWords = false;
        bool regularExpression = false;
    };
    enum class Place
    {
        Column, // mappings[item].columns[column]
        Filter, // mappings[item].filter
        Query,  // mappings[item].query
        Rule,   // rules[item].expression
    };
    struct Match
    {
        Place place = Place::Column;
        qsizetype item = -1;   // the table mapping or the rule
        qsizetype column = -1; // the column mapping, for Place::Column
        QString text;          // the whole expression
        qsizetype start = 0;   // of the match in text, in characters
        qsizetype length = 0;
    };

    ExpressionSearch(const QString &pattern, const Options &options);

    // False for an empty pattern or a regular expression that does not compile (see error()).
    bool isValid() const;
    QString error() const;
    QList<Match> find(const Project &project) const;
    // "patient.full_name", "patient: source filter", "rule patient-birth-date-plausible"
    static QString placeName(const Project &project, const Match &match);
    // The project with every match replaced; count receives the number of matches replaced.
    Project replaceAll(const Project &project, const QString &replacement, int *count) const;
    // The project with one match (as find() gave it) replaced; unchanged when the expression
    // no longer has that match there.
    Project replaceOne(const Project &project, const Match &match,
                       const QString &replacement) const;

private:
    QString replaced(const QString &text, const QString &replacement, qsizetype onlyAt,
                     int *count) const;
    QString expand(const QRegularExpressionMatch &match, const QString &replacement) const;

    QRegularExpression m_pattern;
    Options m_options;
    bool m_empty = true;
};

} // namespace cutover
