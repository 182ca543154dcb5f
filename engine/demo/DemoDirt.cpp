#include "demo/DemoDirt.h"

namespace cutover {

int DemoDirt::rate(DemoDirtKind kind)
{
    switch (kind) {
    case DemoDirtKind::PatientDeleted:
        return 50;
    case DemoDirtKind::NameWhitespace:
        return 400;
    case DemoDirtKind::NameUpper:
        return 500;
    case DemoDirtKind::NameLower:
        return 300;
    case DemoDirtKind::NameNull:
        return 30;
    case DemoDirtKind::NameInternational:
        return 600;
    case DemoDirtKind::DobGerman:
        return 1500;
    case DemoDirtKind::DobAmerican:
        return 700;
    case DemoDirtKind::DobMonthName:
        return 600;
    case DemoDirtKind::DobNull:
        return 80;
    case DemoDirtKind::DobPlaceholder:
        return 20;
    case DemoDirtKind::EmailMissing:
        return 500;
    case DemoDirtKind::EmailDuplicate:
        return 200;
    case DemoDirtKind::EmailInvalid:
        return 100;
    case DemoDirtKind::EmailMessy:
        return 500;
    case DemoDirtKind::CreatedZeroDate:
        return 10;
    case DemoDirtKind::CreatedDstGap:
        return 20;
    case DemoDirtKind::PatientRetired:
        return 100;
    case DemoDirtKind::EncounterRetired:
        return 100;
    case DemoDirtKind::EncounterMessy:
        return 400;
    case DemoDirtKind::VisitDstGap:
        return 40;
    case DemoDirtKind::VisitDstOverlap:
        return 40;
    case DemoDirtKind::VisitNull:
        return 20;
    case DemoDirtKind::DoctorUnknown:
        return 100;
    case DemoDirtKind::CopayNegative:
        return 30;
    case DemoDirtKind::CopayNull:
        return 1000;
    case DemoDirtKind::ObservationComma:
        return 1000;
    case DemoDirtKind::ObservationNotAvailable:
        return 50;
    case DemoDirtKind::InvoiceGerman:
        return 2500;
    case DemoDirtKind::InvoiceEuroSign:
        return 1000;
    case DemoDirtKind::InvoiceCurrencyCode:
        return 200;
    case DemoDirtKind::InvoiceEuroSuffix:
        return 200;
    case DemoDirtKind::InvoiceBlank:
        return 30;
    case DemoDirtKind::InvoiceNegative:
        return 30;
    case DemoDirtKind::CurrencyMissing:
        return 300;
    case DemoDirtKind::Count:
        break;
    }
    return 0;
}

bool DemoDirt::hit(DemoDirtKind kind, bool first)
{
    const bool random = m_random.chance(rate(kind));
    if (isShowcaseSlot())
        return first && m_slot == showcaseSlot(kind);
    return random;
}

} // namespace cutover
