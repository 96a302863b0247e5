using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Lifecycle;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;
using Stage = Crm.Extensions.EarlyBound.GlobalChoices.LifecycleStage;

namespace Crm.Extensions.Plugins.Tests.Lifecycle;

/// <summary>
/// One full run of cx_EvaluateLifecycle (called again with its cursor while More is true, in small pages so the run crosses
/// many pages and both tables) gives every customer exactly the stage the domain engine gives it from its own invoices.
/// The data is skewed as real purchase data is: a few heavy buyers with dozens of invoices, most customers buying once,
/// stages spread over every aging stage, some customers outside the selection (Prospect, Lapsed). Seeded, so repeatable.
/// </summary>
public sealed class EvaluateLifecyclePropertyTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public EvaluateLifecyclePropertyTests() => _data = new DataProducer(_crm);

    private static readonly Stage[] Stages = { Stage.Prospect, Stage.New, Stage.Repeat, Stage.Loyal, Stage.Advocate, Stage.AtRisk,
        Stage.Lapsed };

    [Theory]
    [InlineData(11, 1200, 300, 150)]
    [InlineData(29, 900, 600, 400)]
    [InlineData(43, 3500, 2500, 1000)]
    public void Should_GiveEveryCustomerTheDomainStage_When_OneRunPagesThroughSkewedData(int seed, int contacts, int accounts, int pageSize)
    {
        var random = new Random(seed);
        var now = _crm.Clock.UtcNow;
        var customers = Enumerable.Range(0, contacts + accounts).Select(i => Customer(random, i < contacts)).ToList();
        var paid = customers.ToDictionary(c => c.Row.Id, c => Purchases(random, c.Row, now));
        var thresholds = LifecycleThresholds.Default;

        var written = RunToTheEnd(pageSize);

        var expectedChanges = 0;
        foreach (var customer in customers)
        {
            var expected = customer.Stage;
            if (customer.Stage is not Stage.Prospect and not Stage.Lapsed)
            {
                var dates = paid[customer.Row.Id];
                var facts = new CustomerLifecycleFacts(dates.Count,
                    dates.Count(d => d >= now.AddMonths(-thresholds.LoyalWindowMonths) && d <= now),
                    dates.Count == 0 ? null : dates.Max(), null);
                var transition = LifecycleEngine.Evaluate(ToDomain(customer.Stage), facts, LifecycleTrigger.ScheduledEvaluation, now,
                    thresholds);
                if (transition is not null)
                {
                    expected = FromDomain(transition.To);
                    expectedChanges++;
                }
            }

            var stored = _crm.Get(customer.Row.LogicalName, customer.Row.Id)!
                .GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage)?.Value;
            Assert.True((int)expected == stored, $"{customer.Row.LogicalName} {customer.Row.Id}: expected {expected}, stored {stored}.");
        }

        Assert.Equal(expectedChanges, written);
        Assert.Equal(expectedChanges, _crm.Count(Crm.Extensions.EarlyBound.LifecycleTransition.EntityLogicalName));
    }

    private static LifecycleStage ToDomain(Stage stage) =>
        (LifecycleStage)((int)stage - (int)Stage.Prospect + (int)LifecycleStage.Prospect);

    private static Stage FromDomain(LifecycleStage stage) => (Stage)((int)stage - (int)LifecycleStage.Prospect + (int)Stage.Prospect);

    private int RunToTheEnd(int pageSize)
    {
        var written = 0;
        object? cursor = null;
        for (var call = 0; call < 10_000; call++)
        {
            var response = _crm.Service.Execute(new OrganizationRequest(EvaluateLifecycle.ApiName)
            {
                [EvaluateLifecycle.CursorParameter] = cursor,
                [EvaluateLifecycle.PageSizeParameter] = pageSize,
            });
            written += (int)response[EvaluateLifecycle.TransitionsOutput];
            if (response[EvaluateLifecycle.MoreOutput] is false) return written;
            cursor = response[EvaluateLifecycle.CursorOutput];
        }

        throw new InvalidOperationException("The evaluation never reported that it was done.");
    }

    private sealed record SeededCustomer(EntityReference Row, Stage Stage);

    private SeededCustomer Customer(Random random, bool contact)
    {
        var stage = Stages[random.Next(Stages.Length)];
        Entity row = contact ? _data.Contact(c => c[Contact.Fields.LifecycleStage] = new OptionSetValue((int)stage))
            : _data.Account(a => a[Account.Fields.LifecycleStage] = new OptionSetValue((int)stage));
        return new SeededCustomer(row.ToEntityReference(), stage);
    }

    /// <summary>Skewed: 3% buy 20–60 times, 60% once, the rest 2–5 times (a few never); paid 0–800 days ago.</summary>
    private List<DateTime> Purchases(Random random, EntityReference customer, DateTime now)
    {
        var roll = random.NextDouble();
        var count = roll < 0.03 ? random.Next(20, 61) : roll < 0.63 ? 1 : roll < 0.95 ? random.Next(2, 6) : 0;
        var dates = new List<DateTime>();
        for (var i = 0; i < count; i++)
        {
            var paidOn = now.AddDays(-random.Next(0, 800)).AddMinutes(-random.Next(0, 1440));
            Paid(customer, paidOn);
            dates.Add(paidOn);
        }

        return dates;
    }

    /// <summary>A paid invoice's last modification is its payment date; the emulator stamps it from its clock.</summary>
    private void Paid(EntityReference customer, DateTime paidOn)
    {
        var now = _crm.Clock.UtcNow;
        _crm.Clock.Set(paidOn);
        try
        {
            _crm.Seed(
                new Invoice { Name = "INV", CustomerId = customer, TotalAmount = new Money(100m), ["statecode"] = new OptionSetValue(2) });
        }
        finally
        {
            _crm.Clock.Set(now);
        }
    }
}
