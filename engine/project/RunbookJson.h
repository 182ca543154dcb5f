#pragma once

#include "project/AdvisorAnswers.h"
#include "project/RunbookPlan.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace cutover {

// The project file's "runbook" and "advisor" members. The read functions throw a JsonReadError
// naming the member; an absent member reads as an empty plan or record.
class RunbookJson
{
public:
    static RunbookPlan readPlan(const QJsonValue &value);
    static QJsonObject planJson(const RunbookPlan &plan);
    static AdvisorRecord readAdvisor(const QJsonValue &value);
    static QJsonObject advisorJson(const AdvisorRecord &record);

    // Format 1 kept the runbook as a bare list of steps with "owner" as text and "gate" as a
    // flag; format 2 makes it {"steps": [...]} with an owner object and a gate object.
    static void upgradeFromFormat1(QJsonObject &root);

    // Checks what one step says of the others: unique ids, known predecessors, no cycle.
    static void checkSteps(const RunbookPlan &plan);

    // The order the writer puts these objects' keys in.
    static QStringList keyOrder();
};

} // namespace cutover
