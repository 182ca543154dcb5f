#include "core/JsonObjectReader.h"

#include <QJsonDocument>
#include <QTest>

#include <functional>
#include <map>

using namespace cutover;

namespace {

using Wording = JsonObjectReader::Wording;

QJsonObject parsed(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

// The error the read throws, or a path of "<none>" when it throws none.
JsonReadError failureOf(const std::function<void()> &read)
{
    try {
        read();
    } catch (const JsonReadError &e) {
        return e;
    }
    return {QStringLiteral("<none>"), QString()};
}

} // namespace

class TestJsonObjectReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEachTypeItIsAskedFor()
    {
        const JsonObjectReader r(parsed(R"({"name": "Ada", "gate": true, "rate": 0.5,
            "count": 12, "tags": ["a", "b"], "steps": [1, {}], "note": null})"),
                                 QStringLiteral("item"));
        QCOMPARE(r.text(QStringLiteral("name")), QStringLiteral("Ada"));
        QCOMPARE(r.requiredText(QStringLiteral("name")), QStringLiteral("Ada"));
        QCOMPARE(r.nonEmptyText(QStringLiteral("name")), QStringLiteral("Ada"));
        QCOMPARE(r.flag(QStringLiteral("gate")), true);
        QCOMPARE(r.requiredFlag(QStringLiteral("gate")), true);
        QCOMPARE(r.number(QStringLiteral("rate"), 1), 0.5);
        QCOMPARE(r.requiredNumber(QStringLiteral("rate")), 0.5);
        QCOMPARE(r.wholeNumber(QStringLiteral("count"), 1, 0), 12);
        QCOMPARE(r.requiredWholeNumber(QStringLiteral("count")), qint64(12));
        QCOMPARE(r.textList(QStringLiteral("tags")), QStringList({"a", "b"}));
        QCOMPARE(r.requiredTextList(QStringLiteral("tags")), QStringList({"a", "b"}));
        QCOMPARE(r.array(QStringLiteral("steps")).size(), 2);
        QCOMPARE(r.requiredArray(QStringLiteral("steps")).size(), 2);
        QVERIFY(r.value(QStringLiteral("note")).isNull());
        QVERIFY(r.nullableText(QStringLiteral("note")).isNull());
    }

    void absentOptionalMembersGiveTheirFallback()
    {
        const JsonObjectReader r(parsed(R"({"note": null})"), QString());
        QVERIFY(r.text(QStringLiteral("name")).isNull());
        QCOMPARE(r.flag(QStringLiteral("gate")), false);
        QCOMPARE(r.flag(QStringLiteral("nullable"), true), true);
        QCOMPARE(r.number(QStringLiteral("rate"), 0.25), 0.25);
        QCOMPARE(r.wholeNumber(QStringLiteral("count"), 7, 1), 7);
        QVERIFY(r.textList(QStringLiteral("tags")).isEmpty());
        QVERIFY(r.array(QStringLiteral("steps")).isEmpty());
        QVERIFY(r.value(QStringLiteral("name")).isUndefined());
        QVERIFY(r.nullableText(QStringLiteral("note")).isEmpty());
        QVERIFY(r.nullableTextList(QStringLiteral("note")).isEmpty());
        QVERIFY(r.nullableTextList(QStringLiteral("tags")).isEmpty());
    }

    void memberPathsNameWhereTheMemberIs()
    {
        const JsonObjectReader top(parsed("{}"), QString());
        QCOMPARE(top.memberPath(QStringLiteral("name")), QStringLiteral("name"));
        const JsonObjectReader inner(parsed("{}"), QStringLiteral("mappings[2]"));
        QCOMPARE(inner.path(), QStringLiteral("mappings[2]"));
        QCOMPARE(inner.memberPath(QStringLiteral("columns")),
                 QStringLiteral("mappings[2].columns"));
        QCOMPARE(JsonObjectReader::itemPath(QStringLiteral("mappings[2].columns"), 0),
                 QStringLiteral("mappings[2].columns[0]"));
    }

    void wrongTypesAreRefusedAtTheMember_data()
    {
        QTest::addColumn<int>("wording");
        QTest::addColumn<QString>("member");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        const auto both = [](const char *name, const char *member, const char *path,
                             const char *expected, const char *found) {
            QTest::addRow("%s, detailed", name)
                << int(Wording::Detailed) << member << path
                << QStringLiteral("expected %1, found %2").arg(expected, found);
            QTest::addRow("%s, brief", name) << int(Wording::Brief) << member << path
                                             << QStringLiteral("expected %1").arg(expected);
        };
        both("text", "text", "item.count", "a string", "a number");
        both("null text", "text", "item.note", "a string", "null");
        both("required text", "requiredText", "item.gate", "a string", "a boolean");
        both("flag", "flag", "item.name", "true or false", "a string");
        both("number", "number", "item.tags", "a number", "an array");
        both("whole number", "requiredWholeNumber", "item.name", "a whole number", "a string");
        both("array", "array", "item.inner", "an array", "an object");
        both("list item", "textList", "item.mixed[1]", "a string", "a number");
        both("nullable text", "nullableText", "item.count", "a string", "a number");
        both("nullable list", "nullableTextList", "item.name", "an array", "a string");
    }
    void wrongTypesAreRefusedAtTheMember()
    {
        QFETCH(int, wording);
        QFETCH(QString, member);
        QFETCH(QString, path);
        QFETCH(QString, message);
        const JsonObjectReader r(parsed(R"({"name": "Ada", "count": 3, "gate": false,
            "tags": [], "inner": {}, "mixed": ["a", 2], "note": null})"),
                                 QStringLiteral("item"), Wording(wording));
        const QString key = path.section(QLatin1Char('.'), 1).section(QLatin1Char('['), 0, 0);
        const std::map<QString, std::function<void()>> reads = {{"text",
                                                                 [&] {
                                                                     r.text(key);
                                                                 }},
                                                                {"requiredText",
                                                                 [&] {
                                                                     r.requiredText(key);
                                                                 }},
                                                                {"flag",
                                                                 [&] {
                                                                     r.flag(key);
                                                                 }},
                                                                {"number",
                                                                 [&] {
                                                                     r.number(key, 0);
                                                                 }},
                                                                {"requiredWholeNumber",
                                                                 [&] {
                                                                     r.requiredWholeNumber(key);
                                                                 }},
                                                                {"array",
                                                                 [&] {
                                                                     r.array(key);
                                                                 }},
                                                                {"textList",
                                                                 [&] {
                                                                     r.textList(key);
                                                                 }},
                                                                {"nullableText",
                                                                 [&] {
                                                                     r.nullableText(key);
                                                                 }},
                                                                {"nullableTextList", [&] {
                                                                     r.nullableTextList(key);
                                                                 }}};
        const JsonReadError e = failureOf(reads.at(member));
        QCOMPARE(e.path, path);
        QCOMPARE(e.message, message);
    }

    void aValueNotAnObjectIsRefused()
    {
        auto detailed = failureOf([] {
            JsonObjectReader(QJsonValue(QJsonArray{1, 2}), QStringLiteral("settings"));
        });
        QCOMPARE(detailed.path, QStringLiteral("settings"));
        QCOMPARE(detailed.message, QStringLiteral("expected an object, found an array"));
        auto brief = failureOf([] {
            JsonObjectReader(QJsonValue(QJsonValue::Undefined), QStringLiteral("settings"),
                             Wording::Brief);
        });
        QCOMPARE(brief.path, QStringLiteral("settings"));
        QCOMPARE(brief.message, QStringLiteral("expected an object"));
    }

    void missingRequiredMembersAreNamed()
    {
        const QJsonObject empty = parsed(R"({"name": " "})");
        const JsonObjectReader detailed(empty, QStringLiteral("rules[0]"));
        auto e = failureOf([&] { detailed.requiredText(QStringLiteral("table")); });
        QCOMPARE(e.path, QStringLiteral("rules[0]"));
        QCOMPARE(e.message, QStringLiteral("missing required key 'table'"));
        e = failureOf([&] { detailed.requiredValue(QStringLiteral("entries")); });
        QCOMPARE(e.message, QStringLiteral("missing required key 'entries'"));
        e = failureOf([&] { detailed.nonEmptyText(QStringLiteral("name")); });
        QCOMPARE(e.path, QStringLiteral("rules[0].name"));
        QCOMPARE(e.message, QStringLiteral("must not be empty"));

        const JsonObjectReader brief(empty, QStringLiteral("tables[1]"), Wording::Brief);
        for (const auto &read : std::initializer_list<std::function<void()>>{
                 [&] { brief.requiredText(QStringLiteral("table")); },
                 [&] { brief.requiredFlag(QStringLiteral("table")); },
                 [&] { brief.requiredNumber(QStringLiteral("table")); },
                 [&] { brief.requiredWholeNumber(QStringLiteral("table")); },
                 [&] { brief.requiredTextList(QStringLiteral("table")); },
                 [&] {
                     brief.requiredArray(QStringLiteral("table"));
                 }}) {
            e = failureOf(read);
            QCOMPARE(e.path, QStringLiteral("tables[1].table"));
            QCOMPARE(e.message, QStringLiteral("is missing"));
        }
    }

    void numbersMustBeWholeWhereAsked()
    {
        const JsonObjectReader r(parsed(R"({"half": 1.5, "low": 0})"), QStringLiteral("settings"));
        auto e = failureOf([&] { r.wholeNumber(QStringLiteral("half"), 1, 1); });
        QCOMPARE(e.path, QStringLiteral("settings.half"));
        QCOMPARE(e.message, QStringLiteral("expected a whole number of at least 1"));
        e = failureOf([&] { r.wholeNumber(QStringLiteral("low"), 1, 1); });
        QCOMPARE(e.message, QStringLiteral("expected a whole number of at least 1"));
        e = failureOf([&] { r.requiredWholeNumber(QStringLiteral("half")); });
        QCOMPARE(e.path, QStringLiteral("settings.half"));
        QCOMPARE(e.message, QStringLiteral("expected a whole number"));
        QCOMPARE(r.requiredWholeNumber(QStringLiteral("low")), qint64(0));
    }

    void unknownMembersAreRefusedOnlyWhenAsked()
    {
        const JsonObjectReader r(parsed(R"({"name": "a", "colums": [], "note": "n"})"),
                                 QStringLiteral("mappings[0]"));
        r.text(QStringLiteral("name"));
        r.value(QStringLiteral("note"));
        auto e = failureOf([&] { r.refuseUnknownMembers(); });
        QCOMPARE(e.path, QStringLiteral("mappings[0].colums"));
        QCOMPARE(e.message, QStringLiteral("unknown key 'colums'"));
        r.array(QStringLiteral("colums"));
        QCOMPARE(failureOf([&] { r.refuseUnknownMembers(); }).path, QStringLiteral("<none>"));
    }

    void membersNamedBeyondLatin1AreRead()
    {
        const JsonObjectReader r(parsed(R"({"café.größe": "ok"})"), QString());
        QCOMPARE(r.requiredText(QStringLiteral("café.größe")), QStringLiteral("ok"));
        QCOMPARE(failureOf([&] { r.refuseUnknownMembers(); }).path, QStringLiteral("<none>"));
    }

    void typeNamesAreWordedForErrors()
    {
        QCOMPARE(JsonObjectReader::typeName(QJsonValue(QJsonValue::Null)), QStringLiteral("null"));
        QCOMPARE(JsonObjectReader::typeName(QJsonValue(true)), QStringLiteral("a boolean"));
        QCOMPARE(JsonObjectReader::typeName(QJsonValue(1)), QStringLiteral("a number"));
        QCOMPARE(JsonObjectReader::typeName(QJsonValue(QStringLiteral("x"))),
                 QStringLiteral("a string"));
        QCOMPARE(JsonObjectReader::typeName(QJsonValue(QJsonArray())), QStringLiteral("an array"));
        QCOMPARE(JsonObjectReader::typeName(QJsonValue(QJsonObject())),
                 QStringLiteral("an object"));
        QCOMPARE(JsonObjectReader::typeName(QJsonValue(QJsonValue::Undefined)),
                 QStringLiteral("nothing"));
    }
};

QTEST_GUILESS_MAIN(TestJsonObjectReader)
#include "tst_jsonobjectreader.moc"
