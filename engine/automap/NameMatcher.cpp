#include "automap/NameMatcher.h"

#include <QHash>

namespace cutover {

namespace {

const QString kSep = QStringLiteral("_");

bool isBoundary(const QString &name, qsizetype i)
{
    const QChar prev = name[i - 1];
    const QChar here = name[i];
    if (prev.isLower() && here.isUpper())
        return true;
    if (prev.isLetter() != here.isLetter() && prev.isLetterOrNumber() && here.isLetterOrNumber())
        return true;
    // "HTTPServer": split before the last capital of a run followed by a small letter.
    return prev.isUpper() && here.isUpper() && i + 1 < name.size() && name[i + 1].isLower();
}

// A trailing unit says how a value is stored, not what it is: amount_cents is an amount.
QStringList withoutUnit(const QStringList &words)
{
    static const QStringList units = {"cent", "eur", "usd", "kg",      "cm", "mm",
                                      "ms",   "sec", "pct", "percent", "utc"};
    return words.size() > 1 && units.contains(words.last()) ? words.mid(0, words.size() - 1)
                                                            : words;
}

QString describe(const QStringList &words)
{
    return words.join(kSep);
}

} // namespace

NameMatcher::NameMatcher(const SynonymTable &synonyms)
    : m_synonyms(synonyms)
{}

QStringList NameMatcher::words(const QString &name)
{
    QStringList result;
    QString current;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name[i];
        if (!c.isLetterOrNumber()) {
            if (!current.isEmpty())
                result << current.toLower();
            current.clear();
            continue;
        }
        if (!current.isEmpty() && isBoundary(name, i)) {
            result << current.toLower();
            current.clear();
        }
        current += c;
    }
    if (!current.isEmpty())
        result << current.toLower();
    return result;
}

QString NameMatcher::singular(const QString &word)
{
    if (word.size() <= 3)
        return word;
    if (word.endsWith(QLatin1String("ies")) && word.size() > 4)
        return word.chopped(3) + QLatin1Char('y');
    if (word.endsWith(QLatin1String("sses")) || word.endsWith(QLatin1String("xes")) ||
        word.endsWith(QLatin1String("ches")) || word.endsWith(QLatin1String("shes")))
        return word.chopped(2);
    if (word.endsWith(QLatin1Char('s')) && !word.endsWith(QLatin1String("ss")) &&
        !word.endsWith(QLatin1String("us")) && !word.endsWith(QLatin1String("is")))
        return word.chopped(1);
    return word;
}

QString NameMatcher::normalized(const QString &name)
{
    QStringList list;
    for (const QString &w : words(name))
        list << singular(w);
    if (list.size() > 1 &&
        (list.first() == QLatin1String("tbl") || list.first() == QLatin1String("tb")))
        list.removeFirst();
    if (list.size() > 1 && list.last() == QLatin1String("fk"))
        list.removeLast();
    return list.join(kSep);
}

QString NameMatcher::commonPrefix(const QStringList &columnNames)
{
    QHash<QString, int> counts;
    for (const QString &column : columnNames) {
        const QStringList w = normalized(column).split(kSep);
        if (w.size() > 1)
            ++counts[w.first()];
    }
    QString best;
    int bestCount = 1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > bestCount || (it.value() == bestCount && it.key() < best && bestCount > 1))
            best = it.key(), bestCount = it.value();
    return bestCount >= 2 && bestCount * 3 >= columnNames.size() ? best : QString();
}

bool NameMatcher::isAbbreviation(const QString &shortWord, const QString &longWord)
{
    if (shortWord.size() < 3 || shortWord.size() >= longWord.size() || shortWord[0] != longWord[0])
        return false;
    if (longWord.startsWith(shortWord))
        return true;
    qsizetype at = 1;
    for (qsizetype i = 1; i < shortWord.size(); ++i) {
        at = longWord.indexOf(shortWord[i], at);
        if (at < 0)
            return false;
        ++at;
    }
    return true;
}

NameMatcher::WordMatch NameMatcher::compareWords(const QString &a, const QString &b) const
{
    if (a == b)
        return {1.0, a};
    if (m_synonyms.areSynonyms(a, b))
        return {0.9, QStringLiteral("%1 ~ %2 (synonym)").arg(a, b)};
    if (isAbbreviation(a, b) || isAbbreviation(b, a))
        return {0.75, QStringLiteral("%1 ~ %2 (abbreviation)").arg(a, b)};
    return {};
}

NameMatcher::Match NameMatcher::alignWords(const QStringList &source,
                                           const QStringList &target) const
{
    double total = 0;
    QStringList how;
    for (const QString &t : target) {
        WordMatch best;
        for (const QString &s : source)
            if (const WordMatch m = compareWords(s, t); m.score > best.score)
                best = m;
        total += best.score;
        if (best.score > 0)
            how << best.how;
    }
    for (const QString &s : source) {
        double best = 0;
        for (const QString &t : target)
            best = std::max(best, compareWords(s, t).score);
        total += best;
    }
    const double align = total / double(source.size() + target.size());
    if (align < 0.3)
        return {};
    return {0.85 * align,
            QStringLiteral("words match (%1 ~ %2: %3)")
                .arg(describe(source), describe(target), how.join(QLatin1String(", ")))};
}

NameMatcher::Match NameMatcher::comparePhrases(const QStringList &source,
                                               const QStringList &target) const
{
    const QString s = describe(source);
    const QString t = describe(target);
    if (s == t)
        return {1.0, QStringLiteral("same name after normalisation (%1)").arg(t)};
    if (m_synonyms.areSynonyms(s, t))
        return {0.9, QStringLiteral("synonym %1 ~ %2").arg(s, t)};
    return alignWords(source, target);
}

QStringList NameMatcher::tableWords(const QString &name) const
{
    return normalized(name).split(kSep);
}

bool NameMatcher::isTableWord(const QString &word, const QStringList &table) const
{
    for (const QString &t : table)
        if (word == t || isAbbreviation(word, t) || m_synonyms.areSynonyms(word, t))
            return true;
    return false;
}

QStringList NameMatcher::withoutTablePrefix(const QStringList &words,
                                            const QStringList &table) const
{
    if (words.size() < 2 || !isTableWord(words.first(), table))
        return words;
    return words.mid(1);
}

NameMatcher::Match NameMatcher::compareTables(const QString &source, const QString &target) const
{
    Match m = comparePhrases(tableWords(source), tableWords(target));
    if (m.score >= 1.0 && source == target)
        m.reason = QStringLiteral("same name");
    return m;
}

NameMatcher::Match NameMatcher::compareColumns(const QString &source,
                                               const QStringList &sourceTableWords,
                                               const QString &target,
                                               const QStringList &targetTableWords) const
{
    if (source.compare(target, Qt::CaseInsensitive) == 0)
        return {1.0, QStringLiteral("same name")};
    const QStringList s = normalized(source).split(kSep);
    const QStringList t = normalized(target).split(kSep);
    const QList<QStringList> sources = {withoutTablePrefix(s, sourceTableWords), s};
    const QStringList stripped = withoutTablePrefix(t, targetTableWords);
    const QList<QStringList> targets = {stripped, t, withoutUnit(stripped)};
    Match best;
    for (const QStringList &sv : sources)
        for (const QStringList &tv : targets)
            if (const Match m = comparePhrases(sv, tv); m.score > best.score)
                best = m;
    return best;
}

} // namespace cutover
