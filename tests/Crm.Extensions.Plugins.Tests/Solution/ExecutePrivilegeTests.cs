using System.Linq;
using Crm.Extensions.Plugins.Tests.Infrastructure;

namespace Crm.Extensions.Plugins.Tests.Solution;

/// <summary>
/// Every custom API declares an execute privilege (customapi.xml's executeprivilegename, the element Microsoft's sample
/// export shows: learn.microsoft.com/power-apps/developer/data-platform/create-custom-api-solution), and only the roles
/// meant to call it hold that privilege. The design is written down in solution/SECURITY.md.
/// </summary>
public sealed class ExecutePrivilegeTests
{
    private static readonly Emulator.DataverseEmulator Crm = ProductSolution.Start();

    [Theory]
    [InlineData("cx_RedeemReward", "prvCreatecx_RewardRedemption", "Customer Relationship User,Loyalty Administrator")]
    [InlineData("cx_ProcessLoyaltyLedger", "prvWritecx_LoyaltyProgram", "Loyalty Administrator")]
    [InlineData("cx_EvaluateTiers", "prvWritecx_LoyaltyProgram", "Loyalty Administrator")]
    [InlineData("cx_ProcessBirthdays", "prvWritecx_LoyaltyProgram", "Loyalty Administrator")]
    [InlineData("cx_EvaluateLifecycle", "prvWritecx_CrmStrategy", "CRM Strategy Manager")]
    [InlineData("cx_SnapshotKpis", "prvWritecx_CrmStrategy", "CRM Strategy Manager")]
    [InlineData("cx_AdvanceStrategyStep", "prvWritecx_CrmStrategy", "CRM Strategy Manager")]
    [InlineData("cx_AnalyzePortfolio", "prvCreatecx_PortfolioAnalysis", "CRM Strategy Manager")]
    [InlineData("cx_ResumePortfolioAnalysis", "prvWritecx_PortfolioAnalysis", "CRM Strategy Manager")]
    [InlineData("cx_GetNextBestOffer", "prvReadcx_ValueProposition", "CRM Strategy Manager,Customer Relationship User")]
    [InlineData("cx_CancelRedemption", "prvWritecx_RewardRedemption", "Customer Relationship User,Loyalty Administrator")]
    [InlineData("cx_MarkVoucherUsed", "prvWritecx_RewardRedemption", "Customer Relationship User,Loyalty Administrator")]
    [
        InlineData("cx_GetPointsStatement", "prvReadcx_LoyaltyTransaction",
            "CRM Strategy Manager,Customer Relationship User,Loyalty Administrator")]
    [InlineData("cx_GetRedeemableRewards", "prvCreatecx_RewardRedemption", "Customer Relationship User,Loyalty Administrator")]
    public void Should_GrantTheExecutePrivilegeOnlyToTheIntendedRoles_When_TheSolutionIsLoaded(string api, string privilege, string roles)
    {
        Assert.Equal(privilege, Crm.Metadata.CustomApis[api].ExecutePrivilegeName);
        Assert.Equal(roles.Split(','), HoldersOf(privilege));
    }

    [Fact]
    public void Should_DeclareAnExecutePrivilege_When_AnyCustomApiShips()
    {
        Assert.All(Crm.Metadata.CustomApis.Values,
            api => Assert.False(string.IsNullOrWhiteSpace(api.ExecutePrivilegeName), api.UniqueName));
    }

    [Fact]
    public void Should_LetOnlyLoyaltyAdministratorsCreateLedgerEntries_When_RolesAreLoaded()
    {
        // prvCreatecx_LoyaltyTransaction gates manual point adjustments: nobody else may mint points.
        Assert.Equal(new[] { "Loyalty Administrator" }, HoldersOf("prvCreatecx_LoyaltyTransaction"));
    }

    private static string[] HoldersOf(string privilege) =>
        Crm.Metadata.Roles.Where(r => r.Privileges.ContainsKey(privilege)).Select(r => r.Name)
            .OrderBy(n => n, System.StringComparer.Ordinal).ToArray();
}
