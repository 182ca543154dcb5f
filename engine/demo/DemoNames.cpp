#include "demo/DemoNames.h"

namespace cutover {

namespace {

constexpr DemoName kFirstNames[] = {
    {"Anna", "anna"},
    {"Lukas", "lukas"},
    {"Maria", "maria"},
    {"Jonas", "jonas"},
    {"Sophie", "sophie"},
    {"Felix", "felix"},
    {"Laura", "laura"},
    {"Paul", "paul"},
    {"Julia", "julia"},
    {"Max", "max"},
    {"Lea", "lea"},
    {"Leon", "leon"},
    {"Emma", "emma"},
    {"Finn", "finn"},
    {"Mia", "mia"},
    {"Elias", "elias"},
    {"Hannah", "hannah"},
    {"Noah", "noah"},
    {"Lena", "lena"},
    {"Ben", "ben"},
    {"Clara", "clara"},
    {"Tim", "tim"},
    {"Sarah", "sarah"},
    {"Jan", "jan"},
    {"Katharina", "katharina"},
    {"Thomas", "thomas"},
    {"Petra", "petra"},
    {"Michael", "michael"},
    {"Sabine", "sabine"},
    {"Andreas", "andreas"},
    {"Monika", "monika"},
    {"Stefan", "stefan"},
};

constexpr DemoName kLastNames[] = {
    {"Schmidt", "schmidt"},
    {"Schneider", "schneider"},
    {"Fischer", "fischer"},
    {"Weber", "weber"},
    {"Meyer", "meyer"},
    {"Wagner", "wagner"},
    {"Becker", "becker"},
    {"Schulz", "schulz"},
    {"Hoffmann", "hoffmann"},
    {"Koch", "koch"},
    {"Richter", "richter"},
    {"Klein", "klein"},
    {"Wolf", "wolf"},
    {"Neumann", "neumann"},
    {"Schwarz", "schwarz"},
    {"Zimmermann", "zimmermann"},
    {"Braun", "braun"},
    {"Hartmann", "hartmann"},
    {"Lange", "lange"},
    {"Werner", "werner"},
    {"Krause", "krause"},
    {"Lehmann", "lehmann"},
    {"Schmitz", "schmitz"},
    {"Krüger", "krueger"},
    {"von Berg", "vonberg"},
    {"O'Brien", "obrien"},
    {"Meier-Lüdenscheidt", "meier"},
    {"Peters", "peters"},
};

constexpr DemoName kInternationalFirstNames[] = {
    {"Zoë", "zoe"},   {"Łukasz", "lukasz"},     {"Jiří", "jiri"},   {"Søren", "soren"},
    {"José", "jose"}, {"Ångström", "angstrom"}, {"伟", "wei"},      {"Σωκράτης", "sokratis"},
    {"Ayşe", "ayse"}, {"Renée", "renee"},       {"Björn", "bjorn"}, {"Dženana", "dzenana"},
};

constexpr DemoName kInternationalLastNames[] = {
    {"Müller", "mueller"},
    {"Dvořák", "dvorak"},
    {"Ñúñez", "nunez"},
    {"Øster", "oster"},
    {"李", "li"},
    {"Σωκράτους", "sokratous"},
    {"Größe", "groesse"},
    {"Çelik", "celik"},
    {"Nowakowská", "nowakowska"},
    {"Þórsson", "thorsson"},
    {"Ivanović", "ivanovic"},
    {"Böhm", "boehm"},
};

constexpr std::string_view kEmailDomains[] = {"example.com", "example.org", "example.net",
                                              "mail.example.com"};

constexpr std::string_view kVisitReasons[] = {
    "Routine check-up", "Follow-up",      "Vaccination",          "Back pain",
    "Headache",         "Blood pressure", "Prescription renewal", "Flu symptoms",
    "Skin rash",        "Lab results",    "Sports injury",        "Sick note",
};

constexpr std::string_view kSpecialtyCodes[] = {"GP",  "GP",   "GP",  "CARD", "DERM",
                                                "PED", "ORTH", "gp ", "Card"};

constexpr DemoObservationKind kObservationKinds[] = {
    {"BPS", "mmHg", 900, 1800, false},  {"BPD", "mmHg", 500, 1100, false},
    {"HR", "/min", 450, 1300, false},   {"TEMP", "°C", 355, 405, true},
    {"WT", "kg", 30, 1500, true},       {"HT", "cm", 500, 2000, false},
    {"GLU", "mg/dL", 600, 3000, false},
};

constexpr std::string_view kSiteCodes[] = {"BER", "HAM", "MUC"};

} // namespace

std::span<const DemoName> DemoNames::firstNames()
{
    return kFirstNames;
}
std::span<const DemoName> DemoNames::lastNames()
{
    return kLastNames;
}
std::span<const DemoName> DemoNames::internationalFirstNames()
{
    return kInternationalFirstNames;
}
std::span<const DemoName> DemoNames::internationalLastNames()
{
    return kInternationalLastNames;
}
std::span<const std::string_view> DemoNames::emailDomains()
{
    return kEmailDomains;
}
std::span<const std::string_view> DemoNames::visitReasons()
{
    return kVisitReasons;
}
std::span<const std::string_view> DemoNames::specialtyCodes()
{
    return kSpecialtyCodes;
}
std::span<const DemoObservationKind> DemoNames::observationKinds()
{
    return kObservationKinds;
}
std::span<const std::string_view> DemoNames::siteCodes()
{
    return kSiteCodes;
}

} // namespace cutover
