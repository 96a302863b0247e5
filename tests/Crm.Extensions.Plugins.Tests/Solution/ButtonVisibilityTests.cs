using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Plugins.Tests.Infrastructure;

namespace Crm.Extensions.Plugins.Tests.Solution;

/// <summary>
/// Who sees each command-bar button: every EntityPrivilegeRule of a command's display rules (Entities/*/RibbonDiff.xml) is
/// evaluated against each shipped role (Roles/*.xml, as the emulator loads them). A rule asks for one privilege
/// (PrivilegeType on EntityName) at least at PrivilegeDepth, the depths ordered Basic &lt; Local &lt; Deep &lt; Global
/// (learn.microsoft.com/previous-versions/dynamicscrm-2016/developers-guide/gg334239(v=crm.8), "EntityPrivilegeRule").
/// </summary>
public sealed class ButtonVisibilityTests
{
    private static readonly Emulator.DataverseEmulator Crm = ProductSolution.Start();

    private sealed record PrivilegeRule(string Entity, string Type, PrivilegeDepth Depth);

    private static IReadOnlyDictionary<string, IReadOnlyList<PrivilegeRule>> DisplayPrivileges()
    {
        var commands = new Dictionary<string, IReadOnlyList<PrivilegeRule>>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(ProductSolution.SolutionSource, "Entities"), "RibbonDiff.xml",
            SearchOption.AllDirectories))
        {
            var ribbon = XDocument.Load(file).Root!;
            var rules = ribbon.Descendants("RuleDefinitions").Elements("DisplayRules").Elements("DisplayRule")
                .ToDictionary(rule => (string)rule.Attribute("Id")!,
                    rule => rule.Elements("EntityPrivilegeRule").Select(privilege => new PrivilegeRule(
                    (string)privilege.Attribute("EntityName")!,
                    (string)privilege.Attribute("PrivilegeType")!,
                    Enum.Parse<PrivilegeDepth>((string)privilege.Attribute("PrivilegeDepth")!))).ToList());
            foreach (var command in ribbon.Descendants("CommandDefinition"))
            {
                commands[(string)command.Attribute("Id")!] = command.Elements("DisplayRules").Elements("DisplayRule")
                    .SelectMany(reference => rules[(string)reference.Attribute("Id")!]).ToList();
            }
        }

        return commands;
    }

    private static bool Holds(RoleMetadata role, PrivilegeRule rule) =>
        role.Privileges.TryGetValue("prv" + rule.Type + rule.Entity, out var depth) && depth >= rule.Depth;

    private static string[] RolesThatSee(string command) => Crm.Metadata.Roles
        .Where(role => DisplayPrivileges()[command].All(rule => Holds(role, rule)))
        .Select(role => role.Name).OrderBy(name => name, StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData("cx.contact.RedeemReward.Command", "Customer Relationship User,Loyalty Administrator")]
    [InlineData("cx.account.RedeemReward.Command", "Customer Relationship User,Loyalty Administrator")]
    [InlineData("cx.cx_rewardredemption.MarkVoucherUsed.Command", "Customer Relationship User,Loyalty Administrator")]
    [InlineData("cx.cx_rewardredemption.CancelRedemption.Command", "Customer Relationship User,Loyalty Administrator")]
    [InlineData("cx.cx_crmstrategy.AnalyzePortfolio.Command", "CRM Strategy Manager")]
    public void Should_ShowTheButtonToExactlyTheRolesThatMayAct_When_ItsDisplayRulesMeetTheShippedRoles(string command, string roles)
    {
        Assert.Equal(roles.Split(','), RolesThatSee(command));
    }

    [Theory]
    [InlineData("cx.contact.RedeemReward.Command", "cx_RedeemReward")]
    [InlineData("cx.account.RedeemReward.Command", "cx_RedeemReward")]
    [InlineData("cx.cx_rewardredemption.MarkVoucherUsed.Command", "cx_MarkVoucherUsed")]
    [InlineData("cx.cx_rewardredemption.CancelRedemption.Command", "cx_CancelRedemption")]
    public void Should_ShowTheButtonOnlyToRolesHoldingItsApisExecutePrivilege_When_TheButtonCallsACustomApi(string command, string api)
    {
        var privilege = Crm.Metadata.CustomApis[api].ExecutePrivilegeName!;
        var callers = Crm.Metadata.Roles.Where(role => role.Privileges.ContainsKey(privilege)).Select(role => role.Name)
            .OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(callers, RolesThatSee(command));
    }

    [Fact]
    public void Should_BeHeldBySomeShippedRole_When_AnyDisplayRuleAsksForAPrivilege()
    {
        var unreachable = DisplayPrivileges().Where(command => command.Value.Count > 0 && RolesThatSee(command.Key).Length == 0)
            .Select(command => command.Key);

        Assert.Empty(unreachable);
    }
}
