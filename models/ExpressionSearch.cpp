#include "ExpressionSearch.h"

namespace cutover {

namespace {

// Every expression of the project with its place, given to visit; visit may change it when the
// project is not const.
template <typename P, typename Visit>
void forEachExpression(P &project, const Visit &visit)
{
    using Place = ExpressionSearch::Place;
    for (qsizetype m = 0; m < project.mappings.size(); ++m) {
        auto &mapping = project.mappings[m];
        for (qsizetype c = 0; c < mapping.columns.size(); ++c)
            visit({Place::Column, m, c, {}, 0, 0}, mapping.columns[c].expression);
        visit({Place::Query, m, -1, {}, 0, 0}, mapping.query);
        visit({Place::Filter, m, -1, {}, 0, 0}, mapping.filter);
    }
    for (qsizetype r = 0; r < project.rules.size(); ++r)
        if (project.rules.at(r).kind == Rule::Kind::Expression)
            visit({Place::Rule, r, -1, {}, 0, 0}, project.rules[r].expression);
}

} // namespace

ExpressionSearch::ExpressionSearch(const QString &pattern, const Options &options)
    : m_options(options)
    , m_empty(pattern.isEmpty())
{
    QString source = options.regularExpression ? pattern : QRegularExpression::escape(pattern);
    if (options.wholeWords)
        source = QStringLiteral("\\b(?:%1)\\b").arg(source);
    m_pattern.setPattern(source);
    m_pattern.setPatternOptions(options.matchCase ? QRegularExpression::NoPatternOption
                                                  : QRegularExpression::CaseInsensitiveOption);
}

bool ExpressionSearch::isValid() const
{
    return !m_empty && m_pattern.isValid();
}

QString ExpressionSearch::error() const
{
    if (m_empty)
        return QObject::tr("nothing to find");
    return m_pattern.isValid() ? QString()
                               : QObject::tr("the regular expression does not compile: %1 at %2")
                                     .arg(m_pattern.errorString())
                                     .arg(m_pattern.patternErrorOffset());
}

QList<ExpressionSearch::Match> ExpressionSearch::find(const Project &project) const
{
    QList<Match> found;
    if (!isValid())
        return found;
    forEachExpression(project, [&](Match place, const QString &text) {
        auto it = m_pattern.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            if (match.capturedLength() == 0)
                continue; // an empty match replaces nothing a person could see
            Match m = place;
            m.text = text;
            m.start = match.capturedStart();
            m.length = match.capturedLength();
            found.append(m);
        }
    });
    return found;
}

QString ExpressionSearch::placeName(const Project &project, const Match &match)
{
    switch (match.place) {
    case Place::Column: {
        const TableMapping &mapping = project.mappings.value(match.item);
        return mapping.target + QLatin1Char('.') + mapping.columns.value(match.column).target;
    }
    case Place::Filter:
        return QObject::tr("%1: source filter").arg(project.mappings.value(match.item).target);
    case Place::Query:
        return QObject::tr("%1: source query").arg(project.mappings.value(match.item).target);
    case Place::Rule:
        return QObject::tr("rule %1").arg(project.rules.value(match.item).name);
    }
    return {};
}

Project ExpressionSearch::replaceAll(const Project &project, const QString &replacement,
                                     int *count) const
{
    Project after = project;
    int replacedCount = 0;
    if (isValid())
        forEachExpression(after, [&](Match, QString &text) {
            text = replaced(text, replacement, -1, &replacedCount);
        });
    if (count)
        *count = replacedCount;
    return after;
}

Project ExpressionSearch::replaceOne(const Project &project, const Match &match,
                                     const QString &replacement) const
{
    Project after = project;
    if (!isValid())
        return after;
    forEachExpression(after, [&](Match place, QString &text) {
        if (place.place == match.place && place.item == match.item &&
            place.column == match.column && text == match.text)
            text = replaced(text, replacement, match.start, nullptr);
    });
    return after;
}

// text with its matches replaced: all of them, or only the one starting at onlyAt (>= 0).
QString ExpressionSearch::replaced(const QString &text, const QString &replacement,
                                   qsizetype onlyAt, int *count) const
{
    QString out;
    qsizetype copied = 0;
    auto it = m_pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (match.capturedLength() == 0 || (onlyAt >= 0 && match.capturedStart() != onlyAt))
            continue;
        out += text.mid(copied, match.capturedStart() - copied);
        out += expand(match, replacement);
        copied = match.capturedEnd();
        if (count)
            ++*count;
    }
    return out + text.mid(copied);
}

// The replacement for one match: as it is for plain text; \0 to \9 are the groups of a regular
// expression and \\ a backslash.
QString ExpressionSearch::expand(const QRegularExpressionMatch &match,
                                 const QString &replacement) const
{
    if (!m_options.regularExpression)
        return replacement;
    QString out;
    for (qsizetype i = 0; i < replacement.size(); ++i) {
        const QChar c = replacement.at(i);
        if (c == QLatin1Char('\\') && i + 1 < replacement.size()) {
            const QChar next = replacement.at(i + 1);
            if (next.isDigit()) {
                out += match.captured(next.digitValue());
                ++i;
                continue;
            }
            if (next == QLatin1Char('\\')) {
                out += next;
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace cutover
