using Crm.Extensions.EarlyBound;
using Crm.Extensions.Emulator;
using Crm.Extensions.Plugins.Loyalty;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>An active program, a member with 500 available points and a 300-point reward.</summary>
internal sealed class RedeemRewardScenario
{
    public RedeemRewardScenario()
    {
        Crm = ProductSolution.Start();
        Data = new DataProducer(Crm);
        Program = Data.Program();
        Customer = Data.Contact();
        Data.AvailablePoints(Customer, Program, 500);
        Reward = Data.Reward(Program, pointsCost: 300);
    }

    public DataverseEmulator Crm { get; }

    public DataProducer Data { get; }

    public LoyaltyProgram Program { get; }

    public Contact Customer { get; }

    public Reward Reward { get; }

    public OrganizationResponse Redeem(IOrganizationService? service = null, EntityReference? customer = null,
        EntityReference? reward = null) =>
        (service ?? Crm.Service).Execute(new OrganizationRequest(RedeemReward.Api)
        {
            ["Customer"] = customer ?? Customer.ToEntityReference(),
            ["Reward"] = reward ?? Reward.ToEntityReference(),
        });
}
