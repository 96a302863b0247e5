using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Configuration;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>The active loyalty program with its tiers, as the domain sees them.</summary>
public sealed record LoyaltyProgramConfiguration(Guid ProgramId, ProgramSettings Settings, IReadOnlyList<TierDefinition> Tiers)
{
    /// <summary>
    /// Member type of each tier's marketing list (<c>list.membertype</c>: 1 account, 2 contact, 4 lead). A list takes one
    /// member type, fixed at creation, so a tier change adds a customer only to a list of its type.
    /// </summary>
    public IReadOnlyDictionary<Guid, int> ListMemberTypes { get; init; } = new Dictionary<Guid, int>();
}

/// <summary>Reads the active <c>cx_loyaltyprogram</c> and its <c>cx_loyaltytier</c> rows in one query (program ⟕ tiers).</summary>
public static class LoyaltyProgramReader
{
    private const string TierAlias = "tier";
    private const string ListAlias = "tierlist";

    /// <summary>The program columns <see cref="Settings"/> reads: the filtering columns and image of the save guard.</summary>
    public static readonly string[] SettingColumns =
    {
        LoyaltyProgram.Fields.QualificationWindowMonths, LoyaltyProgram.Fields.DowngradeGraceDays, LoyaltyProgram.Fields.PendingDays,
        LoyaltyProgram.Fields.PointsPerCurrencyUnit, LoyaltyProgram.Fields.ExpiryPolicy, LoyaltyProgram.Fields.ExpiryDays,
        LoyaltyProgram.Fields.MaxBalance, LoyaltyProgram.Fields.ExcludedProductFamilies, LoyaltyProgram.Fields.VipProfitShare,
        LoyaltyProgram.Fields.ExpiryWarningDays, LoyaltyProgram.Fields.BirthdayBackfillDays,
    };

    /// <summary>Null when no program is active: loyalty is then simply not running.</summary>
    public static LoyaltyProgramConfiguration? Active(IOrganizationService service)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        var query = new QueryExpression(LoyaltyProgram.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(SettingColumns.Concat(new[] { LoyaltyProgram.Fields.CreatedOn }).ToArray()),
            Criteria = { Conditions = { new ConditionExpression(LoyaltyProgram.Fields.StateCode, ConditionOperator.Equal, 0) } },
            Orders = { new OrderExpression(LoyaltyProgram.Fields.CreatedOn, OrderType.Ascending) },
        };
        var tiers = query.AddLink(LoyaltyTier.EntityLogicalName, LoyaltyProgram.Fields.LoyaltyProgramId,
            LoyaltyTier.Fields.LoyaltyProgramId, JoinOperator.LeftOuter);
        tiers.EntityAlias = TierAlias;
        tiers.Columns = new ColumnSet(
            LoyaltyTier.Fields.LoyaltyTierId, LoyaltyTier.Fields.Name, LoyaltyTier.Fields.Rank, LoyaltyTier.Fields.MinSpend,
            LoyaltyTier.Fields.MinQualifyingPoints, LoyaltyTier.Fields.MinTransactions, LoyaltyTier.Fields.PointsMultiplier,
            LoyaltyTier.Fields.PriceLevelId, LoyaltyTier.Fields.MarketingListId, LoyaltyTier.Fields.IsVip, LoyaltyTier.Fields.Benefits);
        tiers.LinkCriteria.AddCondition(LoyaltyTier.Fields.StateCode, ConditionOperator.Equal, 0);
        var list = tiers.AddLink(List.EntityLogicalName, LoyaltyTier.Fields.MarketingListId, List.Fields.ListId, JoinOperator.LeftOuter);
        list.EntityAlias = ListAlias;
        list.Columns = new ColumnSet(List.Fields.MemberType);

        var rows = service.RetrieveMultiple(query).Entities;
        if (rows.Count == 0) return null;
        var programId = rows[0].Id;
        var mine = rows.Where(row => row.Id == programId).ToList();
        var definitions = mine.Select(Tier).Where(tier => tier is not null).Select(tier => tier!).OrderBy(tier => tier.Rank).ToList();
        var listTypes = new Dictionary<Guid, int>();
        foreach (var row in mine)
        {
            if (Linked<EntityReference>(row, LoyaltyTier.Fields.MarketingListId) is { } listRef
                && row.GetAttributeValue<AliasedValue>(ListAlias + "." + List.Fields.MemberType)?.Value is int memberType)
            {
                listTypes[listRef.Id] = memberType;
            }
        }

        return new LoyaltyProgramConfiguration(programId, Settings(mine[0]), definitions) { ListMemberTypes = listTypes };
    }

    /// <summary>The program's settings from a row holding its columns (defaults for the empty ones); refuses invalid ones en/es.</summary>
    public static ProgramSettings Settings(Entity row)
    {
        var defaults = new ProgramSettings();
        var settings = defaults with
        {
            QualificationWindowMonths = row.GetAttributeValue<int?>(LoyaltyProgram.Fields.QualificationWindowMonths)
                ?? defaults.QualificationWindowMonths,
            DowngradeGraceDays = row.GetAttributeValue<int?>(LoyaltyProgram.Fields.DowngradeGraceDays) ?? defaults.DowngradeGraceDays,
            PendingDays = row.GetAttributeValue<int?>(LoyaltyProgram.Fields.PendingDays) ?? defaults.PendingDays,
            PointsPerCurrencyUnit = row.GetAttributeValue<decimal?>(LoyaltyProgram.Fields.PointsPerCurrencyUnit)
                ?? defaults.PointsPerCurrencyUnit,
            Expiry = Expiry(row) ?? defaults.Expiry,
            MaxBalance = row.Contains(LoyaltyProgram.Fields.MaxBalance)
                ? row.GetAttributeValue<int?>(LoyaltyProgram.Fields.MaxBalance) : defaults.MaxBalance,
            ExcludedFamilyIds = Guids(row.GetAttributeValue<string>(LoyaltyProgram.Fields.ExcludedProductFamilies)),
            // the column is a percentage (0–100)
            VipTopProfitShare = row.GetAttributeValue<decimal?>(LoyaltyProgram.Fields.VipProfitShare) is { } percent
                ? percent / 100m : defaults.VipTopProfitShare,
            ExpiryWarningDays = row.GetAttributeValue<int?>(LoyaltyProgram.Fields.ExpiryWarningDays) ?? defaults.ExpiryWarningDays,
            BirthdayBackfillDays = row.GetAttributeValue<int?>(LoyaltyProgram.Fields.BirthdayBackfillDays) ?? defaults.BirthdayBackfillDays,
        };
        settings.EnsureValid();
        return settings;
    }

    private static ExpiryPolicy? Expiry(Entity row)
    {
        var days = row.GetAttributeValue<int?>(LoyaltyProgram.Fields.ExpiryDays) ?? ExpiryPolicy.DefaultDays;
        return (GlobalChoices.ExpiryPolicy?)row.GetAttributeValue<OptionSetValue>(LoyaltyProgram.Fields.ExpiryPolicy)?.Value switch
        {
            GlobalChoices.ExpiryPolicy.AfterNDays => ExpiryPolicy.AfterDays(days),
            GlobalChoices.ExpiryPolicy.EndOfMonth => ExpiryPolicy.EndOfMonthAfter(days),
            GlobalChoices.ExpiryPolicy.EndOfYear => ExpiryPolicy.EndOfYearAfter(days),
            GlobalChoices.ExpiryPolicy.Never => ExpiryPolicy.Never,
            _ => null,
        };
    }

    private static TierDefinition? Tier(Entity row)
    {
        if (Linked<Guid?>(row, LoyaltyTier.Fields.LoyaltyTierId) is not { } id) return null;
        var paths = new List<QualificationPath>();
        if (Linked<Money>(row, LoyaltyTier.Fields.MinSpend) is { } spend)
            paths.Add(new QualificationPath(QualificationMeasure.Spend, spend.Value));
        if (Linked<int?>(row, LoyaltyTier.Fields.MinQualifyingPoints) is { } points)
            paths.Add(new QualificationPath(QualificationMeasure.QualifyingPoints, points));
        if (Linked<int?>(row, LoyaltyTier.Fields.MinTransactions) is { } count)
            paths.Add(new QualificationPath(QualificationMeasure.TransactionCount, count));
        return new TierDefinition(id, Linked<string>(row, LoyaltyTier.Fields.Name) ?? string.Empty,
            Linked<int?>(row, LoyaltyTier.Fields.Rank) ?? 0)
        {
            Paths = paths,
            PointsMultiplier = Linked<decimal?>(row, LoyaltyTier.Fields.PointsMultiplier) ?? 1m,
            PriceListId = Linked<EntityReference>(row, LoyaltyTier.Fields.PriceLevelId)?.Id,
            MarketingListId = Linked<EntityReference>(row, LoyaltyTier.Fields.MarketingListId)?.Id,
            IsVip = Linked<bool?>(row, LoyaltyTier.Fields.IsVip) ?? false,
            Benefits = (Linked<string>(row, LoyaltyTier.Fields.Benefits) ?? string.Empty)
                .Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(line => line.Trim()).ToList(),
        };
    }

    private static T? Linked<T>(Entity row, string column) =>
        row.GetAttributeValue<AliasedValue>(TierAlias + "." + column) is { Value: T value } ? value : default;

    /// <summary>Excluded families are stored as product ids separated by commas, semicolons or new lines.</summary>
    private static IReadOnlyCollection<Guid> Guids(string? text) =>
        (text ?? string.Empty).Split(new[] { ',', ';', '\n', '\r', ' ' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(part => Guid.TryParse(part, out var id) ? id : throw new BusinessRuleException(new LocalizedText(
                string.Format(CultureInfo.InvariantCulture,
                    "The loyalty program's excluded product families hold '{0}', which is not a product id.", part),
                string.Format(CultureInfo.InvariantCulture,
                    "Las familias de producto excluidas del programa de fidelización contienen '{0}', que no es un id de producto.",
                    part))))
            .ToList();
}
