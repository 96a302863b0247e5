using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Emulator;
using Crm.Extensions.Plugins.Tests.Infrastructure;

namespace Crm.Extensions.Benchmarks;

/// <summary>
/// The product's own business events through the emulator's pipeline with the real solution and plugin assembly:
/// paying a 3-line invoice of an existing customer (the invoice-paid budget) and logging an interaction. Time per event here;
/// requests per event are printed by <see cref="Program"/> (the budget itself is asserted by the tests).
/// </summary>
[MemoryDiagnoser]
public class ProductEvents
{
    private DataverseEmulator _crm = null!;
    private DataProducer _data = null!;
    private Contact _customer = null!;
    private Product _family = null!;
    private Invoice _invoice = null!;

    /// <summary>A loyalty program, a customer in phase II of one family after two paid invoices (warm program cache).</summary>
    public static (DataverseEmulator Crm, DataProducer Data, Contact Customer, Product Family) ExistingCustomer()
    {
        var crm = ProductSolution.Start();
        var data = new DataProducer(crm);
        data.Program();
        var customer = data.Contact();
        var family = data.Product();
        for (var i = 0; i < 2; i++) data.Pay(OpenInvoice(data, customer, family));
        crm.DrainAsyncJobs();
        return (crm, data, customer, family);
    }

    public static Invoice OpenInvoice(DataProducer data, Contact customer, Product family)
    {
        var invoice = data.Invoice(customer);
        foreach (var amount in new List<decimal> { 100m, 50m, 25m }) data.Line(invoice, data.ProductIn(family), amount);
        return invoice;
    }

    [GlobalSetup]
    public void Setup() => (_crm, _data, _customer, _family) = ExistingCustomer();

    [IterationSetup(Target = nameof(PayThreeLineInvoice))]
    public void NewInvoice() => _invoice = OpenInvoice(_data, _customer, _family);

    [Benchmark]
    public void PayThreeLineInvoice()
    {
        _data.Pay(_invoice);
        _crm.DrainAsyncJobs();
    }

    [Benchmark]
    public void LogInteraction()
    {
        _crm.Service.Create(_data.NewInteraction(_customer));
        _crm.DrainAsyncJobs();
    }
}
