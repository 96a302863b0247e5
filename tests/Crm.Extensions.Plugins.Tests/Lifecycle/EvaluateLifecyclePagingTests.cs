using System;
using System.Linq;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Lifecycle;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Lifecycle;

/// <summary>
/// The evaluation updates the very column its selection filters on: a customer moved to Lapsed leaves the aging query. A
/// batch that pages that query by page number (or by a cookie that the emulator may ignore) skips, on every later page, as
/// many customers as the earlier pages moved out. The batch pages by a key cursor (id greater than the last id read,
/// ordered by id), so the rows still ahead of the cursor never move, whatever the paging of the platform.
/// </summary>
public sealed class EvaluateLifecyclePagingTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public EvaluateLifecyclePagingTests() => _data = new DataProducer(_crm);

    /// <summary>Calls the API the way its scheduled caller does: again with the returned cursor while More is true.</summary>
    private int EvaluateEveryone()
    {
        var written = 0;
        string? cursor = null;
        for (var call = 0; call < 1000; call++)
        {
            var response = _crm.Service.Execute(
                new OrganizationRequest(EvaluateLifecycle.ApiName) { [EvaluateLifecycle.CursorParameter] = cursor });
            written += (int)response[EvaluateLifecycle.TransitionsOutput];
            if (!response.Results.TryGetValue(EvaluateLifecycle.MoreOutput, out var more) || more is not true) return written;
            cursor = (string)response[EvaluateLifecycle.CursorOutput];
        }

        throw new InvalidOperationException("The evaluation never reported that it was done.");
    }

    [Fact]
    public void Should_MoveEveryCustomerToLapsed_When_TheLapsedLeaveTheSelectionAcrossMoreThanOnePage()
    {
        const int customers = 6000;
        var contacts = Enumerable.Range(0, customers)
            .Select(
                _ => _data.Contact(c => c[Contact.Fields.LifecycleStage] = new OptionSetValue((int)GlobalChoices.LifecycleStage.Repeat)))
            .ToList();
        foreach (var contact in contacts) _data.PaidInvoiceOn(contact, _crm.Clock.UtcNow.AddDays(-400));

        var written = EvaluateEveryone();

        Assert.Equal(customers, written);
        Assert.All(_crm.All(Contact.EntityLogicalName),
            row => Assert.Equal((int)GlobalChoices.LifecycleStage.Lapsed,
                row.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage)?.Value));
    }
}
