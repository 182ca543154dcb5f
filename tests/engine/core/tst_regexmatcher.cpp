#include "core/RegexMatcher.h"

#include <QElapsedTimer>
#include <QTest>

using namespace cutover;

// RegexMatcher gives what QRegularExpression and QString::replace() give, and says so when the
// engine gives up instead of answering "no match".
class TestRegexMatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replacesAsQStringDoes_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("after");
        QTest::newRow("plain") << "o"
                               << "foo boo"
                               << "0";
        QTest::newRow("groups") << "(\\w+)@(\\w+)"
                                << "ann@x bob@y"
                                << "\\2:\\1";
        QTest::newRow("two-digit group absent") << "(a)"
                                                << "aa"
                                                << "[\\10]";
        QTest::newRow("empty matches") << "x*"
                                       << "abxxc"
                                       << "-";
        QTest::newRow("empty alternative first") << "(|a)"
                                                 << "aab"
                                                 << "<\\1>";
        QTest::newRow("lookahead") << "(?=b)"
                                   << "abab"
                                   << "^";
        QTest::newRow("surrogates") << "" << QString::fromUtf8("a😀b") << ".";
        QTest::newRow("anchors") << "^|$"
                                 << "mid"
                                 << "|";
        QTest::newRow("no match") << "z"
                                  << "abc"
                                  << "y";
        QTest::newRow("empty subject") << "a*"
                                       << ""
                                       << "e";
        QTest::newRow("backslash kept") << "b"
                                        << "abc"
                                        << "\\x\\0";
    }
    void replacesAsQStringDoes()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, subject);
        QFETCH(QString, after);
        const QRegularExpression re(pattern);
        const auto replaced = RegexMatcher(re).replace(subject, after);
        QCOMPARE(replaced.outcome, RegexMatcher::Replacement::Outcome::Done);
        QCOMPARE(replaced.text, QString(subject).replace(re, after));
    }

    void findsWhatGlobalMatchFinds()
    {
        const QRegularExpression re(QStringLiteral("a*"));
        const QString subject = QStringLiteral("baaac");
        const auto all = RegexMatcher(re).all(subject);
        QVERIFY(all);
        QStringList expected;
        for (auto it = re.globalMatch(subject); it.hasNext();)
            expected.append(QString::number(it.next().capturedStart()));
        QStringList found;
        for (const auto &match : *all)
            found.append(QString::number(match.capturedStart()));
        QCOMPARE(found, expected);
    }

    void givingUpIsNotNoMatch()
    {
        const QRegularExpression re(QStringLiteral("^(a+)+$"));
        const QString subject = QString(40, QLatin1Char('a')) + QLatin1Char('!');
        QVERIFY(!re.match(subject).hasMatch()); // what QRegularExpression alone says
        const RegexMatcher matcher(re);
        QVERIFY(!matcher.matches(subject));
        QVERIFY(!matcher.first(subject));
        QCOMPARE(matcher.replace(subject, QStringLiteral("x")).outcome,
                 RegexMatcher::Replacement::Outcome::GaveUp);
        QVERIFY(RegexMatcher::giveUpReason().contains(QLatin1String("match limit")));
        QCOMPARE(matcher.matches(QStringLiteral("aaaa")), std::optional<bool>(true));
        QCOMPARE(matcher.matches(QStringLiteral("aab")), std::optional<bool>(false));
    }

    // A later match attempt that gives up must not leave the rest of the text unreplaced.
    void givingUpAfterAMatchIsNoPartialReplacement()
    {
        const QRegularExpression re(QStringLiteral("x|(a+)+$"));
        const QString subject =
            QStringLiteral("x") + QString(40, QLatin1Char('a')) + QLatin1Char('!');
        QCOMPARE(RegexMatcher(re).replace(subject, QStringLiteral("y")).outcome,
                 RegexMatcher::Replacement::Outcome::GaveUp);
    }

    // A replacement that would grow past the limit stops there, not after gigabytes.
    void aReplacementStopsAtItsLimit()
    {
        const RegexMatcher matcher{QRegularExpression()};
        const auto grown = matcher.replace(QString(1000, QLatin1Char('a')),
                                           QString(100000, QLatin1Char('b')), 1000000);
        QCOMPARE(grown.outcome, RegexMatcher::Replacement::Outcome::TooLong);
        const auto fits = matcher.replace(QStringLiteral("ab"), QStringLiteral("-"), 5);
        QCOMPARE(fits.outcome, RegexMatcher::Replacement::Outcome::Done);
        QCOMPARE(fits.text, QStringLiteral("-a-b-"));
    }

    // The match limit is lower than PCRE2's default, so a catastrophic pattern gives up fast.
    void givingUpIsFast()
    {
        const RegexMatcher matcher(QRegularExpression(QStringLiteral("^(a+)+$")));
        const QString subject = QString(40, QLatin1Char('a')) + QLatin1Char('!');
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 100; ++i)
            QVERIFY(!matcher.matches(subject));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestRegexMatcher)
#include "tst_regexmatcher.moc"
