#include "RegexMatcher.h"

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
        QVERIFY(replaced);
        QCOMPARE(*replaced, QString(subject).replace(re, after));
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
        QVERIFY(!matcher.replace(subject, QStringLiteral("x")));
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
        QVERIFY(!RegexMatcher(re).replace(subject, QStringLiteral("y")));
    }
};

QTEST_GUILESS_MAIN(TestRegexMatcher)
#include "tst_regexmatcher.moc"
