using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Application.Portfolio;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Dataverse.Portfolio;
using Crm.Extensions.Domain.Portfolio;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Emulator.Observability;
using Crm.Extensions.Plugins.Portfolio;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;
using Status = Crm.Extensions.EarlyBound.PortfolioAnalysis.AnalysisStatusChoice;

namespace Crm.Extensions.Plugins.Tests.Portfolio;

/// <summary>
/// Each writing unit queues the next one from inside a plugin, so each runs one level deeper, and Dataverse aborts a chain
/// that reaches depth 8 within an hour as an infinite loop (the emulator too). 35,000 contacts need two reading units
/// (sixteen pages: seven of contacts and the empty page of accounts, twice) and seven writing units: the chain pauses after
/// seven units, before the limit, five pages written, and a user queuing it again (from depth 1) finishes it.
/// </summary>
public sealed class PortfolioChainTests
{
    private const int Contacts = 35_000;

    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();

    [Fact]
    public void Should_PauseBeforeTheLoopLimitAndFinishWhenQueuedAgain_When_TheBaseNeedsMoreThanSevenUnits()
    {
        SeedBase();
        var id = _crm.Service.Create(new PortfolioAnalysis { Name = "Chain" });
        _crm.DrainAsyncJobs();

        var paused = _crm.Get(PortfolioAnalysis.EntityLogicalName, id)!.ToEntity<PortfolioAnalysis>();
        var cursor = AnalysisCursor.Read(paused.Cursor)!;
        Assert.Equal((Status.Paused, AnalysisRunner.PausedMessage.English), (paused.AnalysisStatus, paused.ErrorMessage));
        Assert.Equal((AnalysisPhase.WritingCustomers, 6, 25_000), (cursor.Phase, cursor.PageNumber, cursor.CustomersWritten));
        Assert.All(_crm.SystemJobs, job => Assert.Equal(SystemJobStatus.Succeeded, job.Status)); // nothing aborted as a loop
        Assert.True(_crm.FiredSteps.Where(s => s.PluginType == typeof(RunPortfolioAnalysis).FullName).Max(s => s.Depth) <= 8);

        _crm.ResetObservations();
        _crm.Service.Update(new PortfolioAnalysis { Id = id, AnalysisStatus = Status.Queued });
        _crm.DrainAsyncJobs();

        var completed = _crm.Get(PortfolioAnalysis.EntityLogicalName, id)!.ToEntity<PortfolioAnalysis>();
        Assert.Equal((Status.Completed, 100m, Contacts), (completed.AnalysisStatus, completed.ProgressPercent, completed.ProcessedCount));
        Assert.Null(completed.ErrorMessage);
        // Only the last two pages and their aggregates: the model saved with the cursor carries on, nothing is read again.
        Assert.Equal(4, _crm.Requests.PluginCount("RetrieveMultiple"));
        Assert.Contains(_crm.FiredSteps, s => s.PluginType == typeof(RunPortfolioAnalysis).FullName && s.Message == "Update" && s.IsAsync);
    }

    private void SeedBase()
    {
        var product = new Product { Id = Guid.NewGuid(), Name = "Product", CurrentCost = new Money(5m) };
        _crm.Seed(product);
        var now = _crm.Clock.UtcNow;
        var contacts = new List<Entity>();
        for (var i = 0; i < Contacts; i++) contacts.Add(new Contact { Id = Guid.NewGuid(), LastName = "C" + i });
        _crm.Seed(contacts.ToArray());
        for (var i = 0; i < Contacts; i += 100)
        {
            _crm.Clock.Set(now.AddDays(-(i % 700)));
            var invoice = new Invoice { Id = Guid.NewGuid(), Name = "INV", CustomerId = contacts[i].ToEntityReference() };
            invoice[Invoice.Fields.StateCode] = new OptionSetValue(InvoiceStates.Paid);
            _crm.Seed(invoice, new InvoiceDetail
            {
                InvoiceId = invoice.ToEntityReference(), ProductId = product.ToEntityReference(), Quantity = 1,
                ExtendedAmount = new Money(40m + (i % 97)),
                LineCost = new Money(product.CurrentCost?.Value ?? 0m),
            });
        }

        _crm.Clock.Set(now);
    }
}
