#include "core/ViolationJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cutover;

// Violations as the quarantine stores them: every field reads back, the value's form too, and
// a violation stored before the form was gets it from its value.
class TestViolationJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsBackEveryForm()
    {
        const QList<Violation> violations = {
            {Violation::Kind::Rule, QStringLiteral("name"), QStringLiteral("name_required"),
             QStringLiteral("NULL"), QStringLiteral("is empty"), true, Violation::ValueForm::Text},
            {Violation::Kind::Conversion, QStringLiteral("name"), QStringLiteral("conversion"),
             QStringLiteral("x'ff'"), QStringLiteral("not valid UTF-8"), true,
             Violation::ValueForm::Literal},
            {Violation::Kind::Database, QString(), QStringLiteral("target database"), QString(),
             QStringLiteral("CHECK failed"), true, Violation::ValueForm::None}};
        const QJsonArray json = ViolationJson::toJson(violations);
        QCOMPARE(json.at(0)[QStringLiteral("valueForm")].toString(), QStringLiteral("text"));
        QCOMPARE(json.at(1)[QStringLiteral("valueForm")].toString(), QStringLiteral("literal"));
        QCOMPARE(json.at(2)[QStringLiteral("valueForm")].toString(), QStringLiteral("none"));
        QCOMPARE(ViolationJson::fromJson(json), violations);
    }

    void formOfAnOlderViolationComesFromItsValue()
    {
        const auto form = [](const char *json) {
            return ViolationJson::fromJson(QJsonDocument::fromJson(json).array())
                .value(0)
                .valueForm;
        };
        QCOMPARE(form(R"([{"kind": "conversion", "value": "x'426f6296'"}])"),
                 Violation::ValueForm::Literal);
        QCOMPARE(form(R"([{"kind": "rule", "value": "NULL"}])"), Violation::ValueForm::Literal);
        // Cut bytes, as display() wrote them then.
        QCOMPARE(form("[{\"kind\": \"rule\", \"value\": \"x'6666\u2026 (603 characters)\"}]"),
                 Violation::ValueForm::Literal);
        QCOMPARE(form(R"([{"kind": "rule", "value": "x'4g'"}])"), Violation::ValueForm::Text);
        QCOMPARE(form(R"([{"kind": "rule", "value": "Bob"}])"), Violation::ValueForm::Text);
        QCOMPARE(form(R"([{"kind": "database", "value": ""}])"), Violation::ValueForm::None);
    }
};

QTEST_GUILESS_MAIN(TestViolationJson)
#include "tst_violationjson.moc"
