using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Cli.Commands;

namespace Crm.Extensions.Cli.Tests;

/// <summary>The committed views sort the way each table is read, and the working views users act on exist.</summary>
public sealed class ViewTests
{
    private static readonly SolutionSource Source = new(RepositoryPaths.Find(AppContext.BaseDirectory).SolutionSource);

    public static readonly TheoryData<string, string, bool> Orders = new()
    {
        { "cx_loyaltytransaction", "cx_earnedon", true },
        { "cx_lifecycletransition", "cx_transitionedon", true },
        { "cx_kpisnapshot", "cx_periodstart", true },
        { "cx_interaction", "cx_occurredon", true },
        { "cx_satisfactionsurvey", "createdon", true },
        { "cx_portfolioanalysis", "createdon", true },
        { "cx_rewardredemption", "cx_redeemedon", true },
        { "cx_crossselloffer", "cx_score", true },
        { "cx_loyaltytier", "cx_rank", false },
        { "cx_partnerrelationship", "cx_nextreviewon", false },
        { "cx_valueproposition", "cx_priority", false },
        { "cx_reward", "cx_name", false },
    };

    public static readonly TheoryData<string, string, string> WorkingViews = new()
    {
        { "contact", "My customers at risk", "Mis clientes en riesgo" },
        { "account", "My customers at risk", "Mis clientes en riesgo" },
        { "cx_loyaltytransaction", "Points expiring in 30 days", "Puntos que vencen en 30 días" },
        { "cx_crossselloffer", "Open cross-sell offers", "Ofertas de venta cruzada abiertas" },
        { "cx_satisfactionsurvey", "Detractors without a call-back", "Detractores sin llamada de seguimiento" },
        { "cx_partnerrelationship", "Overdue partner reviews", "Revisiones de socios atrasadas" },
        { "cx_portfolioanalysis", "Analyses in progress", "Análisis en curso" },
        { "cx_rewardredemption", "Redemptions to fulfil", "Canjes por entregar" },
        { "contact", "Tier upgrades this month", "Subidas de nivel de este mes" },
        { "account", "Tier upgrades this month", "Subidas de nivel de este mes" },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Should_SortTheSystemViewsByTheTablesOrder_When_TheTableIsListed(string table, string column, bool descending)
    {
        var systemViews = Source.Views(table).Where(v => v.Element("CanBeDeleted")!.Value == "0").ToList();

        Assert.NotEmpty(systemViews);
        Assert.All(systemViews, view =>
        {
            var order = Assert.Single(view.Descendants("order"));
            Assert.Equal(column, order.Attribute("attribute")!.Value);
            Assert.Equal(descending ? "true" : "false", order.Attribute("descending")!.Value);
        });
    }

    [Theory]
    [MemberData(nameof(WorkingViews))]
    public void Should_OfferTheWorkingView_When_AUserActsOnTheList(string table, string english, string spanish)
    {
        var view = Assert.Single(Source.Views(table),
            v => SolutionSource.Labels(v.Element("LocalizedNames")).GetValueOrDefault(1033) == english);

        Assert.Equal(spanish, SolutionSource.Labels(view.Element("LocalizedNames"))[3082]);
        Assert.Equal("0", view.Element("querytype")!.Value);
        Assert.Contains(view.Descendants("condition"),
            c => c.Attribute("attribute")!.Value == "statecode" && c.Attribute("value")!.Value == "0");
        Assert.True(view.Descendants("condition").Count() >= 2, $"{english} filters on more than the state.");
    }

    [Fact]
    public void Should_LeaveTheCustomerOut_When_TheJourneySubgridShowsTheCustomersJourneys()
    {
        var associated = Source.Views("cx_loyaltyjourney").Single(v => v.Element("querytype")!.Value == "2");
        var cells = associated.Element("layoutxml")!.Descendants("cell").Select(c => c.Attribute("name")!.Value).ToList();

        Assert.DoesNotContain("cx_customerid", cells);
        Assert.Contains("cx_productfamilyid", cells);
        Assert.Contains("cx_phase", cells);
    }

    [Theory]
    [InlineData("cx_crmstrategy", "Estrategias CRM activas")]
    [InlineData("cx_interaction", "Interacciones activas")]
    [InlineData("cx_loyaltytier", "Niveles de fidelización activos")]
    public void Should_AgreeInGender_When_NamingTheActiveViewInSpanish(string table, string spanish)
    {
        var active = Source.Views(table).Single(v => v.Element("querytype")!.Value == "0" && v.Element("isdefault")!.Value == "1");

        Assert.Equal(spanish, SolutionSource.Labels(active.Element("LocalizedNames"))[3082]);
    }

    [Fact]
    public void Should_NameTheInactiveRewardsInTheFeminine_When_NamingTheInactiveViewInSpanish()
    {
        var names = Source.Views("cx_reward").Select(v => SolutionSource.Labels(v.Element("LocalizedNames"))[3082]);

        Assert.Contains("Recompensas inactivas", names);
    }
}
