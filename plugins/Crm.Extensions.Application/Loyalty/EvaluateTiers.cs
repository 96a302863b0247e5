using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Dataverse;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.Domain.Loyalty.Tiers;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Application.Loyalty;

/// <summary>Members written by one run, and whether members with a change were left for the next run.</summary>
public sealed record TierBatchResult(int Changed, bool More);

/// <summary>
/// The period evaluation of tiers (TierEvaluator, PeriodEnd): downgrades after validity plus grace, requalification,
/// the top-profit guarantee, the manual floor and the detractor block. Only members whose tier standing changes are written.
/// </summary>
public static class EvaluateTiers
{
    public static readonly LocalizedText NoProgram = new(
        "No loyalty program is active, so there are no tiers to evaluate.",
        "No hay ningún programa de fidelización activo, así que no hay niveles que evaluar.");

    /// <summary>cx_EvaluateTiers: the active program's period evaluation at the operation's time; refused without a program.</summary>
    public static TierBatchResult Run(IUseCaseContext context, int? maxChanges)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        context.UseCase = nameof(EvaluateTiers);
        var program = LoyaltyProgramReader.Active(context.SystemService) ?? throw new BusinessRuleException(NoProgram);
        return Run(context.SystemService, program, context.Clock.UtcNow, maxChanges);
    }

    /// <param name="maxChanges">
    /// Write at most this many members and report whether more were left (null or 0: all). A base too large for one call
    /// is done in several: members already written have nothing left to change, so the next run starts where this one
    /// stopped without any cursor, and each call commits its own part.
    /// </param>
    private static TierBatchResult Run(IOrganizationService service, LoyaltyProgramConfiguration program, DateTime asOf,
        int? maxChanges = null)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (program is null) throw new ArgumentNullException(nameof(program));
        var references = new Dictionary<Guid, EntityReference>();
        var ledgers = LedgerReader.ReadAll(service, references).ToLookup(entry => entry.CustomerId);
        var members = Members(service, Contact.EntityLogicalName).Concat(Members(service, Account.EntityLogicalName)).ToList();
        var top = new HashSet<Guid>(
            TopProfitShare.Select(members.Select(m => new CustomerProfit(m.Customer.Id, m.Profit)).ToList(),
                program.Settings.VipTopProfitShare));
        var detractors = LastDetractorDates(service);
        var tiers = new TierEvaluator(program.Settings, program.Tiers);
        var changed = 0;
        foreach (var member in members)
        {
            var ledger = ledgers[member.Customer.Id].ToList();
            var measures = QualificationWindow.Measure(TierUpgrade.Purchases(ledger), ledger, asOf,
                program.Settings.QualificationWindowMonths);
            var input = new TierEvaluationInput(new TierStanding(member.TierId, member.ValidUntil, member.FloorId), measures, asOf)
            {
                InTopProfitShare = top.Contains(member.Customer.Id),
                LastDetractorOn = detractors.TryGetValue(member.Customer.Id, out var on) ? on : null,
            };
            var decision = tiers.Evaluate(input, TierEvaluationMode.PeriodEnd);
            if (decision.TierId == member.TierId && decision.ValidUntil == member.ValidUntil && decision.IsUpgradeBlocked == member.Blocked)
                continue;
            if (maxChanges > 0 && changed == maxChanges) return new TierBatchResult(changed, More: true);

            var memberLedger = new MemberLedger(member.Customer, null, member.TierId, ledger) { OptedOutOfMarketing = !member.Consent };
            TierChangeWriter.Apply(service, memberLedger, tiers.Find(member.TierId), tiers.Find(decision.TierId), decision,
                program.Settings.BasePriceListId, asOf, program.ListMemberTypes);
            changed++;
        }

        return new TierBatchResult(changed, More: false);
    }

    private sealed record Member(EntityReference Customer, Guid? TierId, DateTime? ValidUntil, Guid? FloorId, decimal Profit, bool Consent,
        bool Blocked);

    private static IEnumerable<Member> Members(IOrganizationService service, string table)
    {
        var query = new QueryExpression(table)
        {
            ColumnSet = new ColumnSet(Contact.Fields.LoyaltyTierId, Contact.Fields.TierValidUntil, Contact.Fields.TierFloorId,
                Contact.Fields.TotalProfit, Contact.Fields.ConsentMarketing, Contact.Fields.UpgradeBlocked),
            Orders = {
                new OrderExpression(table == Account.EntityLogicalName ? Account.Fields.AccountId : Contact.Fields.ContactId,
                    OrderType.Ascending) },
        };
        // Keyed pages: the members are read before any is written, and the key keeps the read exact under any paging.
        foreach (var row in QueryPages.AllByKey(service, query,
            table == Account.EntityLogicalName ? Account.Fields.AccountId : Contact.Fields.ContactId))
        {
            yield return new Member(row.ToEntityReference(), row.GetAttributeValue<EntityReference>(Contact.Fields.LoyaltyTierId)?.Id,
                row.GetAttributeValue<DateTime?>(Contact.Fields.TierValidUntil),
                row.GetAttributeValue<EntityReference>(Contact.Fields.TierFloorId)?.Id,
                row.GetAttributeValue<Money>(Contact.Fields.TotalProfit)?.Value ?? 0m,
                row.GetAttributeValue<bool?>(Contact.Fields.ConsentMarketing) == true,
                row.GetAttributeValue<bool?>(Contact.Fields.UpgradeBlocked) == true);
        }
    }

    private static Dictionary<Guid, DateTime> LastDetractorDates(IOrganizationService service)
    {
        var query = new QueryExpression(SatisfactionSurvey.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(SatisfactionSurvey.Fields.CustomerId, SatisfactionSurvey.Fields.AnsweredOn),
            Criteria = {
                Conditions = {
                    new ConditionExpression(SatisfactionSurvey.Fields.NpsCategory, ConditionOperator.Equal,
                        (int)SatisfactionSurvey.NpsCategoryChoice.Detractor) } },
            Orders = { new OrderExpression(SatisfactionSurvey.Fields.SatisfactionSurveyId, OrderType.Ascending) },
        };
        // Paged: a single RetrieveMultiple stops at 5,000 rows and would silently forget older detractors.
        return QueryPages.All(service, query)
            .Where(
                row => row.GetAttributeValue<EntityReference>(SatisfactionSurvey.Fields.CustomerId) is not null
                && row.GetAttributeValue<DateTime?>(SatisfactionSurvey.Fields.AnsweredOn) is not null)
            .GroupBy(row => row.GetAttributeValue<EntityReference>(SatisfactionSurvey.Fields.CustomerId).Id)
            .ToDictionary(group => group.Key,
                group => group.Max(row => row.GetAttributeValue<DateTime?>(SatisfactionSurvey.Fields.AnsweredOn)!.Value));
    }
}
