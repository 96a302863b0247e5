using System;
using System.Linq;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Lifecycle;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Lifecycle;

/// <summary>
/// The scheduled evaluation reads pages, not customers. For a table of N aging customers, each with i paid invoices:
/// reads = ceil(N / 5,000) customer pages + Σ per page ceil(invoice rows / 5,000) facts pages (+1 empty page per other
/// table), writes = 2 × Σ per page ceil(changes / 1,000) (UpdateMultiple of stages + CreateMultiple of transitions), plus one
/// query for the threshold settings, kept by the step's settings cache across calls (SettingsCache). Each call is one unit of at most 5,000
/// customers; the caller calls again with
/// the returned cursor while More is true.
/// </summary>
public sealed class EvaluateLifecycleBudgetTests
{
    private const int ReadPage = 5000;
    private const int WriteBatch = 1000;

    /// <summary>LifecycleSettings reads the seven threshold environment variables in one query.</summary>
    private const int SettingsQuery = 1;
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public EvaluateLifecycleBudgetTests() => _data = new DataProducer(_crm);

    private static int Ceiling(int count, int size) => (count + size - 1) / size;

    [Fact]
    public void Should_StayWithinThePagedBudget_When_SixThousandCustomersAge()
    {
        const int customers = 6000;
        const int invoicesEach = 2;
        var contacts = Enumerable.Range(0, customers)
            .Select(
                _ => _data.Contact(c => c[Contact.Fields.LifecycleStage] = new OptionSetValue((int)GlobalChoices.LifecycleStage.Repeat)))
            .ToList();
        foreach (var contact in contacts)
        {
            _data.PaidInvoiceOn(contact, _crm.Clock.UtcNow.AddDays(-230));
            _data.PaidInvoiceOn(contact, _crm.Clock.UtcNow.AddDays(-200));
        }

        _crm.ResetObservations();

        var first = _crm.Service.Execute(new OrganizationRequest(EvaluateLifecycle.ApiName));
        var second = _crm.Service.Execute(new OrganizationRequest(EvaluateLifecycle.ApiName)
        {
            [EvaluateLifecycle.CursorParameter] = first[EvaluateLifecycle.CursorOutput],
        });

        var pages = new[] { ReadPage, customers - ReadPage };
        var reads = pages.Length + 1 + pages.Sum(page => Ceiling(page * invoicesEach, ReadPage));
        var writes = 2 * pages.Sum(page => Ceiling(page, WriteBatch));
        Assert.Equal(true, first[EvaluateLifecycle.MoreOutput]);
        Assert.Equal(false, second[EvaluateLifecycle.MoreOutput]);
        Assert.Equal(customers, (int)first[EvaluateLifecycle.TransitionsOutput] + (int)second[EvaluateLifecycle.TransitionsOutput]);
        Assert.Equal(customers, _crm.Count(LifecycleTransition.EntityLogicalName));
        Assert.All(_crm.All(Contact.EntityLogicalName),
            row => Assert.Equal((int)GlobalChoices.LifecycleStage.AtRisk,
                row.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage)?.Value));
        Assert.Equal(SettingsQuery + reads, _crm.Requests.PluginCount("RetrieveMultiple"));
        Assert.Equal(writes, _crm.Requests.PluginCount("UpdateMultiple") + _crm.Requests.PluginCount("CreateMultiple"));
        Assert.Equal(SettingsQuery + reads + writes, _crm.Requests.PluginTotal);
        Assert.Equal(19, _crm.Requests.PluginTotal);
    }

    [Fact]
    public void Should_ReadOnlyPagesAndWriteNothing_When_TheBatchRunsAgainTheSameDay()
    {
        var contact = _data.Contact(c => c[Contact.Fields.LifecycleStage] = new OptionSetValue((int)GlobalChoices.LifecycleStage.Repeat));
        _data.PaidInvoiceOn(contact, _crm.Clock.UtcNow.AddDays(-230));
        _data.PaidInvoiceOn(contact, _crm.Clock.UtcNow.AddDays(-200));
        _crm.Service.Execute(new OrganizationRequest(EvaluateLifecycle.ApiName));
        _crm.ResetObservations();

        var again = _crm.Service.Execute(new OrganizationRequest(EvaluateLifecycle.ApiName));

        Assert.Equal(0, again[EvaluateLifecycle.TransitionsOutput]);
        Assert.Equal(1, _crm.Count(LifecycleTransition.EntityLogicalName));
        Assert.Equal(0, _crm.Requests.PluginCount("UpdateMultiple") + _crm.Requests.PluginCount("CreateMultiple"));
        Assert.Contains(_crm.FiredSteps, s => s.PluginType == typeof(EvaluateLifecycle).FullName && s.Stage == 30);
    }
}
