using System;
using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>
/// Blocked (cx_loyaltyblocked: "earns and redeems no points") and deactivated customers earn nothing on a paid invoice and
/// redeem nothing; a reward of another (or inactive) program never spends the active program's points.
/// </summary>
public sealed class LoyaltyEligibilityTests
{
    [Fact]
    public void Should_EarnNoPoints_When_ABlockedCustomerPaysAnInvoice()
    {
        var crm = ProductSolution.Start();
        var data = new DataProducer(crm);
        data.Program();
        var customer = data.Contact(c => c.LoyaltyBlocked = true);

        PayOneLine(data, customer);

        Assert.Equal(0, crm.Count(LoyaltyTransaction.EntityLogicalName));
        Assert.Equal(1, crm.Get(Contact.EntityLogicalName, customer.Id)!.GetAttributeValue<int?>(Contact.Fields.PaidInvoiceCount));
    }

    [Fact]
    public void Should_EarnNoPoints_When_ADeactivatedCustomerPaysAnInvoice()
    {
        var crm = ProductSolution.Start();
        var data = new DataProducer(crm);
        data.Program();
        var customer = data.Contact(
            c => { c[Contact.Fields.StateCode] = new OptionSetValue(1); c[Contact.Fields.StatusCode] = new OptionSetValue(2); });

        PayOneLine(data, customer);

        Assert.Equal(0, crm.Count(LoyaltyTransaction.EntityLogicalName));
    }

    [Fact]
    public void Should_RefuseInEnglishAndSpanishAndChangeNoRows_When_ABlockedCustomerRedeems()
    {
        var scenario = new RedeemRewardScenario();
        var blocked = scenario.Data.Contact(c => c.LoyaltyBlocked = true);
        scenario.Data.AvailablePoints(blocked, scenario.Program, 500);
        var spanish = scenario.Crm.CreateUser("Lucía", isAdministrator: true, uiLanguageId: 3082);
        var before = Fingerprint(scenario);

        var english = Assert.Throws<FaultException<OrganizationServiceFault>>(() => scenario.Redeem(customer: blocked.ToEntityReference()));
        var inSpanish = Assert.Throws<FaultException<OrganizationServiceFault>>(
            () => scenario.Redeem(scenario.Crm.ServiceAs(spanish), customer: blocked.ToEntityReference()));

        Assert.Contains("The customer is blocked from the loyalty program and cannot redeem points.", english.Detail.Message);
        Assert.Contains("El cliente está excluido del programa de fidelización y no puede canjear puntos.", inSpanish.Detail.Message);
        Assert.Equal(before, Fingerprint(scenario));
    }

    [Fact]
    public void Should_RefuseAndChangeNoRows_When_ADeactivatedCustomerRedeems()
    {
        var scenario = new RedeemRewardScenario();
        var inactive = scenario.Data.Contact(
            c => { c[Contact.Fields.StateCode] = new OptionSetValue(1); c[Contact.Fields.StatusCode] = new OptionSetValue(2); });
        scenario.Data.AvailablePoints(inactive, scenario.Program, 500);
        var before = Fingerprint(scenario);

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(
            () => scenario.Redeem(customer: inactive.ToEntityReference()));

        Assert.Contains("The customer is inactive; reactivate the customer before redeeming points.", refusal.Detail.Message);
        Assert.Equal(before, Fingerprint(scenario));
    }

    [Fact]
    public void Should_RefuseAndChangeNoRows_When_TheRewardBelongsToAnotherInactiveProgram()
    {
        var scenario = new RedeemRewardScenario();
        var retired = scenario.Data.Program(
            p => { p[LoyaltyProgram.Fields.StateCode] = new OptionSetValue(1); p[LoyaltyProgram.Fields.StatusCode] = new OptionSetValue(2);
                });
        var foreign = scenario.Data.Reward(retired, pointsCost: 100);
        var before = Fingerprint(scenario);

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() => scenario.Redeem(reward: foreign.ToEntityReference()));

        Assert.Contains("belongs to another loyalty program than the active one", refusal.Detail.Message);
        Assert.Equal(before, Fingerprint(scenario));
    }

    private static string Fingerprint(RedeemRewardScenario scenario) => LedgerFingerprint.Of(
        scenario.Crm, LoyaltyTransaction.EntityLogicalName, RewardRedemption.EntityLogicalName, Contact.EntityLogicalName);

    private static void PayOneLine(DataProducer data, Contact customer)
    {
        var invoice = data.Invoice(customer);
        data.Line(invoice, data.ProductIn(data.Product()), 100m);
        data.Pay(invoice);
        data.Crm.DrainAsyncJobs();
    }
}
