using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Crm.Extensions.Cli.Demo;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Cli.Tests.Demo;

/// <summary>
/// The demo's figures are what a user would find in the app: each is checked against a query the test itself sends to the
/// emulator's final state through the organization service (FetchXML aggregates, as a chart or a view would ask).
/// </summary>
public sealed class DemoReportTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    private IOrganizationService Service => demo.Outcome.Crm.Service;

    private DemoFigures Figures => demo.Outcome.Figures;

    [Fact]
    public void Should_CountMembersPerTierAsTheEmulatorDoes_When_TheLastMonthCloses()
    {
        var tierNames = Service.RetrieveMultiple(
            new QueryExpression(LoyaltyTier.EntityLogicalName) { ColumnSet = new ColumnSet(LoyaltyTier.Fields.Name) })
            .Entities.ToDictionary(tier => tier.Id, tier => tier.GetAttributeValue<string>(LoyaltyTier.Fields.Name));
        var expected = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in new[] { Contact.EntityLogicalName, Account.EntityLogicalName })
        {
            var fetch = $"""
                <fetch aggregate="true"><entity name="{table}">
                  <attribute name="{Contact.Fields.LifecycleStage}" alias="customers" aggregate="count" />
                  <attribute name="{Contact.Fields.LoyaltyTierId}" alias="tier" groupby="true" />
                  <filter><condition attribute="{Contact.Fields.LifecycleStage}" operator="not-null" /></filter>
                </entity></fetch>
                """;
            foreach (var row in Service.RetrieveMultiple(new FetchExpression(fetch)).Entities)
            {
                var tier = row.GetAttributeValue<AliasedValue>("tier")?.Value is EntityReference reference
                    ? tierNames[reference.Id] : DemoObserver.NoTier;
                expected[tier] = expected.GetValueOrDefault(tier) + (int)row.GetAttributeValue<AliasedValue>("customers").Value;
            }
        }

        Assert.Equal(expected, Figures.MonthsClosed[^1].MembersPerTier);
        Assert.True(expected.Keys.Count(tier => tier != DemoObserver.NoTier) >= 2, "the run should reach at least two tiers");
    }

    [Theory]
    [InlineData(GlobalChoices.LedgerEntryType.Redeem)]
    [InlineData(GlobalChoices.LedgerEntryType.Earn)]
    public void Should_SumPointsMovementsAsTheEmulatorDoes_When_TheRunEnds(GlobalChoices.LedgerEntryType type)
    {
        var fetch = $"""
            <fetch aggregate="true"><entity name="{LoyaltyTransaction.EntityLogicalName}">
              <attribute name="{LoyaltyTransaction.Fields.Points}" alias="points" aggregate="sum" />
              <filter><condition attribute="{LoyaltyTransaction.Fields.EntryType}" operator="eq" value="{(int)type}" /></filter>
            </entity></fetch>
            """;
        var sum = Math.Abs(
            Convert.ToInt64(
                Service.RetrieveMultiple(new FetchExpression(fetch)).Entities.Single().GetAttributeValue<AliasedValue>("points").Value,
            System.Globalization.CultureInfo.InvariantCulture));
        var bonus = type == GlobalChoices.LedgerEntryType.Earn ? Sum(GlobalChoices.LedgerEntryType.Bonus) : 0;

        var reported = type == GlobalChoices.LedgerEntryType.Earn ? Figures.PointsEarned : Figures.PointsRedeemed;

        Assert.Equal(sum + bonus, reported);
        Assert.True(reported > 0);
        Assert.Contains("<b>" + Svg.Format(reported) + "</b>", demo.Report, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReportTheLiabilityTheBalancesAddUpTo_When_TheRunEnds()
    {
        long liability = 0;
        foreach (var table in new[] { Contact.EntityLogicalName, Account.EntityLogicalName })
        {
            var fetch = $"""
                <fetch aggregate="true"><entity name="{table}">
                  <attribute name="{Contact.Fields.PointsBalance}" alias="available" aggregate="sum" />
                  <attribute name="{Contact.Fields.PendingPoints}" alias="pending" aggregate="sum" />
                </entity></fetch>
                """;
            var row = Service.RetrieveMultiple(new FetchExpression(fetch)).Entities.Single();
            liability += ToLong(row, "available") + ToLong(row, "pending");
        }

        Assert.Equal(liability, Figures.Liability);
        Assert.Equal(liability, Figures.MonthsClosed[^1].Liability);
        Assert.Contains("<b>" + Svg.Format(liability) + "</b>", demo.Report, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_CountTransitionsAsTheEmulatorDoes_When_TheRunEnds()
    {
        var fetch = $"""
            <fetch aggregate="true"><entity name="{LifecycleTransition.EntityLogicalName}">
              <attribute name="{LifecycleTransition.Fields.LifecycleTransitionId}" alias="transitions" aggregate="count" />
              <attribute name="{LifecycleTransition.Fields.ToStage}" alias="to" groupby="true" />
            </entity></fetch>
            """;
        var expected = Service.RetrieveMultiple(new FetchExpression(fetch)).Entities.ToDictionary(
            row => ((GlobalChoices.LifecycleStage)((OptionSetValue)row.GetAttributeValue<AliasedValue>("to").Value).Value).ToString(),
            row => (int)row.GetAttributeValue<AliasedValue>("transitions").Value);

        var reported = Figures.Transitions.GroupBy(t => t.To).ToDictionary(g => g.Key, g => g.Sum(t => t.Count));

        Assert.Equal(expected.OrderBy(e => e.Key), reported.OrderBy(e => e.Key));
    }

    [Fact]
    public void Should_CountEachMonthsTransitions_When_TheMonthsClose()
    {
        var end = Cli.Demo.DemoOptions.FirstDay.AddMonths(DemoFixture.Months);
        var query = new QueryExpression(LifecycleTransition.EntityLogicalName) { ColumnSet = new ColumnSet(false) };
        query.Criteria.AddCondition("createdon", ConditionOperator.LessThan, end);

        var created = Service.RetrieveMultiple(query).Entities.Count;

        Assert.Equal(created, Figures.MonthsClosed.Sum(m => m.Transitions));
    }

    [Fact]
    public void Should_DrawEveryChartWithData_When_TheDemoRunsSmall()
    {
        var charts = Regex.Matches(demo.Report, "data-points=\"(\\d+)\"")
            .Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.True(charts.Count >= 12, $"expected at least 12 charts, found {charts.Count}");
        Assert.All(charts, points => Assert.True(points > 0));
    }

    [Fact]
    public void Should_ReferToNothingOutsideTheFile_When_TheReportIsWritten()
    {
        var report = demo.Report;

        Assert.DoesNotContain("http:", report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https:", report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", report, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Should_WriteIdenticalReportAndData_When_RunTwiceWithOneSeed()
    {
        var second = DemoRun.Execute(demo.Options with { Output = Path.Combine(demo.Folder, "second") }, demo.Repository.SolutionSource,
            new DemoFixture.SilentProgress());

        Assert.Equal(File.ReadAllBytes(demo.Outcome.Report), File.ReadAllBytes(second.Report));
        Assert.Equal(demo.Outcome.DataFiles.Select(Path.GetFileName), second.DataFiles.Select(Path.GetFileName));
        Assert.All(demo.Outcome.DataFiles.Zip(second.DataFiles),
            pair => Assert.Equal(File.ReadAllBytes(pair.First), File.ReadAllBytes(pair.Second)));
    }

    [Fact]
    public void Should_WriteTheMonthlyFiguresAsCsv_When_TheRunEnds()
    {
        var path = demo.Outcome.DataFiles.Single(f => f.EndsWith("months.csv", StringComparison.Ordinal));
        var months = File.ReadAllLines(path);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(path)[..3]);
        Assert.Equal(DemoFixture.Months + 1, months.Length);
        Assert.StartsWith("period,points_earned", months[0], StringComparison.Ordinal);
        Assert.StartsWith("2025-06,", months[^1], StringComparison.Ordinal);
    }

    private long Sum(GlobalChoices.LedgerEntryType type)
        => DemoObserver.Sum(demo.Outcome.Crm.All(LoyaltyTransaction.EntityLogicalName), type);

    private static long ToLong(Entity row, string alias) =>
        row.GetAttributeValue<AliasedValue>(alias)?.Value is { } value
            ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
}
