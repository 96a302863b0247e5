using System.Linq;
using Crm.Extensions.Application.Loyalty;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.Plugins.CustomApis;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>
/// The custom API function <c>cx_GetRedeemableRewards(Customer) → Available, Rewards</c>: the catalogue the redemption
/// dialog offers, decided by <see cref="EligibleRewards"/> with the rule cx_RedeemReward applies. Read-only; the execute
/// privilege is the redeeming one (prvCreatecx_RewardRedemption), and the caller must be able to read the customer.
/// </summary>
public sealed class GetRedeemableRewards : PluginBase
{
    public const string Api = GetRedeemableRewardsApi.UniqueName;
    public const string Line = "cx_redeemablereward";
    public const string RewardId = "rewardid";
    public const string Name = "name";
    public const string Kind = "kind";
    public const string PointsCost = "pointscost";
    public const string BalanceAfter = "balanceafter";
    public const string ValidUntil = "validuntil";

    public GetRedeemableRewards(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(Api), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var catalogue = EligibleRewards.Run(context, context.Execution.InitiatingUserId,
            context.Input(GetRedeemableRewardsApi.Request.Customer));
        context.SetOutput(GetRedeemableRewardsApi.Response.Available, Saturated(catalogue.Available));
        context.SetOutput(GetRedeemableRewardsApi.Response.Rewards, new EntityCollection(catalogue.Rewards.Select(ToLine).ToList()));
    }

    // The response property has no table, so each reward is an open-type row, as cx_GetPointsStatement's lines are.
    private static Entity ToLine(EligibleReward eligible)
    {
        var line = new Entity(Line)
        {
            [RewardId] = eligible.Reward.Id,
            [Name] = eligible.Reward.Name,
            [Kind] = eligible.Reward.Kind.ToString(),
            [PointsCost] = eligible.Reward.PointsCost,
            [BalanceAfter] = Saturated(eligible.BalanceAfter),
        };
        if (eligible.Reward.ValidUntil is { } until) line[ValidUntil] = until;
        return line;
    }

    private static int Saturated(long points) => MemberBalances.Saturated(points);
}
