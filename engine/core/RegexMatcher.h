#pragma once

#include <QList>
#include <QRegularExpression>
#include <limits>
#include <optional>

namespace cutover {

// Matches a QRegularExpression and tells "no match" from "the engine gave up". PCRE2 stops with
// an error when a pattern backtracks past its match limit (or the JIT's stack) on a value;
// QRegularExpression then answers as if nothing matched, and QString::replace() quietly leaves
// the rest of the text unreplaced. Here that is std::nullopt, which the caller reports as a
// violation of the row (giveUpReason()) rather than a wrong answer.
//
// The match limit is a tenth of PCRE2's default: a pattern that backtracks catastrophically on a
// value gives up after about 2 ms instead of 20, and ordinary patterns stay far below it.
class RegexMatcher
{
public:
    static constexpr int kMatchLimit = 1000000;

    // re must be valid.
    explicit RegexMatcher(const QRegularExpression &re);

    // The first match; nullopt when the engine gave up.
    std::optional<QRegularExpressionMatch> first(const QString &subject) const;
    // Whether the pattern matches anywhere; nullopt when the engine gave up.
    std::optional<bool> matches(const QString &subject) const;
    // Every match, as QRegularExpression::globalMatch() finds them.
    std::optional<QList<QRegularExpressionMatch>> all(const QString &subject) const;
    struct Replacement
    {
        enum class Outcome
        {
            Done,
            GaveUp, // the engine gave up on a match
            TooLong // the text would pass maxLength characters
        };
        QString text;
        Outcome outcome = Outcome::Done;
    };
    // subject with every match replaced as QString::replace(re, after) does (\1 to \99 are the
    // captured groups); stops as soon as the text would grow past maxLength UTF-16 units.
    Replacement replace(const QString &subject, const QString &after,
                        qsizetype maxLength = std::numeric_limits<qsizetype>::max()) const;

    int captureCount() const { return m_re.captureCount(); }

    static QString giveUpReason();

private:
    QString expanded(const QString &after, const QRegularExpressionMatch &match) const;

    QRegularExpression m_re;
    // After an empty match, the next one may not be empty where it starts, as globalMatch()
    // asks PCRE2 with PCRE2_NOTEMPTY_ATSTART; made on first need.
    mutable std::optional<QRegularExpression> m_notEmptyAtStart;
};

} // namespace cutover
