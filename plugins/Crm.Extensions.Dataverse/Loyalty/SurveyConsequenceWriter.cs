using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Crm.Extensions.Dataverse.Configuration;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.Domain.Loyalty.Journeys;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.Domain.Loyalty.Surveys;
using Crm.Extensions.Domain.Loyalty.Tiers;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using TaskTable = Crm.Extensions.EarlyBound.Task;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// Writes what <see cref="SurveyLoop.ConsequencesOf"/> decided. Every write is idempotent: the retention task is upserted
/// under a deterministic id from its key, journeys change only when the engine says so, the block and the stage are set values.
/// The stage is classified with the same settings as the invoice and batch paths (<see cref="ExecutionSettings"/>).
/// </summary>
public static class SurveyConsequenceWriter
{
    public static void Apply(
        IOrganizationService service,
        IReadOnlyList<SurveyConsequence> consequences,
        EntityReference customer,
        DateTime on,
        ExecutionSettings settings)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (consequences is null) throw new ArgumentNullException(nameof(consequences));
        if (settings is null) throw new ArgumentNullException(nameof(settings));
        foreach (var consequence in consequences)
        {
            switch (consequence)
            {
                case RetentionTask task:
                    service.Execute(new UpsertRequest { Target = Task(task, customer, on) });
                    break;
                case JourneyAtRisk atRisk:
                    SaveJourneys(service, customer, atRisk.FamilyId, on, journey => JourneyEngine.OnDetractorSurvey(journey));
                    break;
                case UpgradeBlock block:
                    service.Update(new Entity(customer.LogicalName, customer.Id)
                    {
                        [Contact.Fields.UpgradeBlocked] = true,
                        [Contact.Fields.UpgradeBlockedReason] = string.Format(CultureInfo.InvariantCulture,
                            "Detractor survey on {0:yyyy-MM-dd}: automatic tier upgrades are held back for the program's block period.",
                            block.DetractorOn),
                    });
                    break;
                case JourneyPositive positive:
                    var standing = Standing(service, customer, settings.Program());
                    SaveJourneys(service, customer, positive.FamilyId, on,
                        journey => JourneyEngine.OnPositiveSurvey(journey, on, standing));
                    break;
                case AdvocateSignal signal:
                    var thresholds = settings.Lifecycle();
                    var facts = CustomerLifecycleReader.Read(service, customer, on, thresholds);
                    var transition = LifecycleEngine.Evaluate(facts.Stage, facts.Facts, LifecycleTrigger.SurveyResponse, on, thresholds);
                    if (transition is not null)
                        LifecycleWriter.Write(service, customer, transition, "lifecycle:SurveyResponse:" + signal.SurveyId.ToString("D"));
                    break;
            }
        }
    }

    private static Entity Task(RetentionTask task, EntityReference customer, DateTime on)
    {
        var row = new Entity(TaskTable.EntityLogicalName, DeterministicId.From(task.Key))
        {
            [TaskTable.Fields.Subject] = task.Subject.English,
            [TaskTable.Fields.Description] = task.Subject.Spanish,
            [TaskTable.Fields.RegardingObjectId] = customer,
            [TaskTable.Fields.ScheduledEnd] = on.AddDays(2),
        };
        if (task.OwnerId is { } owner) row[TaskTable.Fields.OwnerId] = new EntityReference(SystemUser.EntityLogicalName, owner);
        return row;
    }

    private static void SaveJourneys(IOrganizationService service, EntityReference customer, Guid? familyId, DateTime on,
        Func<Domain.Loyalty.Journeys.FamilyJourney, JourneyUpdate?> change)
    {
        foreach (var journey in JourneyRepository.ForCustomer(service, customer.Id).Where(j => familyId is null || j.FamilyId == familyId))
        {
            if (change(journey) is { } update) JourneyRepository.Save(service, update, customer, on, isPurchase: false);
        }
    }

    private static CustomerStanding Standing(IOrganizationService service, EntityReference customer, LoyaltyProgramConfiguration? program)
    {
        var member = MemberLedgerReader.Read(service, customer);
        var holdsVip = program is not null && new TierEvaluator(program.Settings, program.Tiers).HoldsVip(member.TierId);
        return new CustomerStanding(holdsVip, member.InTargetBase);
    }
}
