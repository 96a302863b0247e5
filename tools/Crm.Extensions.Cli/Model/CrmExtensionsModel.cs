using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Cli.Model;

/// <summary>
/// The solution's metadata, declared once. <c>crmx generate solution</c> writes it to solution/src in SolutionPackager layout;
/// a test fails when the committed XML and this model differ.
/// </summary>
internal static partial class CrmExtensionsModel
{
    public const string SolutionUniqueName = "CrmExtensions";
    public const string Version = "1.0.0.0";
    public const string PublisherUniqueName = "CrmExtensions";
    public const string PublisherPrefix = "cx";
    public const int OptionValuePrefix = 58670;

    public static readonly Label SolutionName = Label.Of("CRM Extensions", "Extensiones CRM");

    public static readonly Label SolutionDescription = Label.Of(
        "The five-step CRM process and the three-phase loyalty cycle on Dataverse.",
        "El proceso CRM de cinco pasos y el ciclo de fidelización de tres fases en Dataverse.");

    public static readonly Label PublisherName = Label.Of("CRM Extensions", "Extensiones CRM");

    private static readonly IReadOnlyList<Table> Declared =
    [
        CrmStrategy(), PortfolioAnalysis(), CustomerSegment(), Interaction(), Preference(), PartnerRelationship(), ValueProposition(),
        LifecycleTransition(), KpiSnapshot(), LoyaltyProgram(), LoyaltyTier(), LoyaltyJourney(), LoyaltyTransaction(), Reward(),
        RewardRedemption(), CrossSellOffer(), SatisfactionSurvey(), Contact(), Account(), InvoiceDetail(),
    ];

    /// <summary>
    /// Every table with its complete column list: declared columns, base-currency twins and, for custom tables, system columns.
    /// </summary>
    public static IReadOnlyList<Table> Tables { get; } = Declared.Select(Complete).ToList();

    public static IEnumerable<Table> CustomTables => Tables.Where(t => t.IsCustom);

    public static IReadOnlyList<Relationship> Relationships { get; } = Tables.SelectMany(Relationship.From).ToList();

    public static Table Table(string logicalName) => Tables.Single(t => t.LogicalName == logicalName);

    private static Table Complete(Table table)
    {
        var declared = table.Columns.Concat(SystemColumns.BaseCurrencyTwins(table.Columns)).ToList();
        var all = table.IsCustom ? SystemColumns.For(table with { Columns = declared }).Concat(declared) : declared;
        return table with { Columns = all.OrderBy(c => c.LogicalName, System.StringComparer.Ordinal).ToList() };
    }
}
