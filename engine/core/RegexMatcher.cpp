#include "core/RegexMatcher.h"

namespace cutover {

RegexMatcher::RegexMatcher(const QRegularExpression &re)
    : m_re(QStringLiteral("(*LIMIT_MATCH=%1)").arg(kMatchLimit) + re.pattern(), re.patternOptions())
{
    m_re.optimize();
}

QString RegexMatcher::giveUpReason()
{
    return QStringLiteral("the regular expression gave up on this value without an answer (it "
                          "backtracks past the match limit of %L1 steps); simplify the pattern, "
                          "for example without nested repetition such as (a+)+")
        .arg(kMatchLimit);
}

std::optional<QRegularExpressionMatch> RegexMatcher::first(const QString &subject) const
{
    QRegularExpressionMatch match = m_re.match(subject);
    if (!match.isValid())
        return std::nullopt;
    return match;
}

std::optional<bool> RegexMatcher::matches(const QString &subject) const
{
    const auto match = first(subject);
    if (!match)
        return std::nullopt;
    return match->hasMatch();
}

std::optional<QList<QRegularExpressionMatch>> RegexMatcher::all(const QString &subject) const
{
    QList<QRegularExpressionMatch> found;
    qsizetype offset = 0;
    bool previousEmpty = false;
    while (offset <= subject.size()) {
        QRegularExpressionMatch match;
        if (previousEmpty) {
            if (!m_notEmptyAtStart)
                m_notEmptyAtStart.emplace(QStringLiteral("(*NOTEMPTY_ATSTART)") + m_re.pattern(),
                                          m_re.patternOptions());
            match = m_notEmptyAtStart->match(subject, offset, QRegularExpression::NormalMatch,
                                             QRegularExpression::AnchorAtOffsetMatchOption);
            if (match.isValid() && !match.hasMatch()) {
                const bool pair = offset + 1 < subject.size() &&
                                  subject.at(offset).isHighSurrogate() &&
                                  subject.at(offset + 1).isLowSurrogate();
                offset += pair ? 2 : 1;
                if (offset > subject.size())
                    break;
                match = m_re.match(subject, offset);
            }
        } else {
            match = m_re.match(subject, offset);
        }
        if (!match.isValid())
            return std::nullopt;
        if (!match.hasMatch())
            break;
        previousEmpty = match.capturedLength() == 0;
        offset = match.capturedEnd();
        found.append(std::move(match));
    }
    return found;
}

RegexMatcher::Replacement RegexMatcher::replace(const QString &subject, const QString &after,
                                                qsizetype maxLength) const
{
    using Outcome = Replacement::Outcome;
    const auto matches = all(subject);
    if (!matches)
        return {{}, Outcome::GaveUp};
    QString out;
    qsizetype copied = 0;
    for (const QRegularExpressionMatch &match : *matches) {
        out += QStringView(subject).mid(copied, match.capturedStart() - copied);
        out += expanded(after, match);
        copied = match.capturedEnd();
        if (out.size() > maxLength)
            return {{}, Outcome::TooLong};
    }
    out += QStringView(subject).mid(copied);
    if (out.size() > maxLength)
        return {{}, Outcome::TooLong};
    return {out, Outcome::Done};
}

// after with \N (N from 1 to 99, at most the pattern's groups, two digits when they name a group)
// replaced by group N of match, as QString::replace() expands it.
QString RegexMatcher::expanded(const QString &after, const QRegularExpressionMatch &match) const
{
    const int groups = m_re.captureCount();
    QString out;
    for (qsizetype i = 0; i < after.size(); ++i) {
        const int digit = i + 1 < after.size() && after.at(i) == QLatin1Char('\\')
                              ? after.at(i + 1).digitValue()
                              : -1;
        if (digit <= 0 || digit > groups) {
            out += after.at(i);
            continue;
        }
        int group = digit;
        qsizetype length = 2;
        const int second = i + 2 < after.size() ? after.at(i + 2).digitValue() : -1;
        if (second >= 0 && group * 10 + second <= groups) {
            group = group * 10 + second;
            length = 3;
        }
        out += match.capturedView(group);
        i += length - 1;
    }
    return out;
}

} // namespace cutover
