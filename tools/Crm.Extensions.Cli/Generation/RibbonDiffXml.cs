using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Model;

namespace Crm.Extensions.Cli.Generation;

/// <summary>
/// Entities/&lt;Schema&gt;/RibbonDiff.xml: one main-form or grid button per command, its command definition calling the
/// bundle function with the form context (a grid: the selected ids), a custom enable rule (the bundle's can* function),
/// the privilege rule, and en/es labels.
/// </summary>
internal static class RibbonDiffXml
{
    public const string PrimaryControl = "PrimaryControl";
    public const string SelectedIds = "SelectedControlSelectedItemIds";
    public const string SelectedControl = "SelectedControl";
    private const int FirstSequence = 900;

    public static XElement Write(IReadOnlyList<RibbonCommand> commands) =>
        new("RibbonDiffXml",
            new XElement("CustomActions", commands.Select((command, index) => CustomAction(command, FirstSequence + (index * 10)))),
            new XElement("Templates", new XElement("RibbonTemplates", new XAttribute("Id", "Mscrm.Templates"))),
            new XElement("CommandDefinitions", commands.Select(CommandDefinition)),
            new XElement("RuleDefinitions",
                new XElement("TabDisplayRules"),
                new XElement("DisplayRules", commands.Where(c => c.Privilege is EntityPrivilege).Select(DisplayRule)),
                new XElement("EnableRules", commands.SelectMany(EnableRules))),
            new XElement("LocLabels", commands.SelectMany(LocLabels)));

    public static string Library(string webResource) => "$webresource:" + webResource;

    private static XElement CustomAction(RibbonCommand command, int sequence) =>
        new("CustomAction", new XAttribute("Id", command.Prefix + ".CustomAction"),
            new XAttribute("Location", $"Mscrm.{command.Location}.{command.Table}.MainTab.Actions.Controls._children"),
            new XAttribute("Sequence", sequence),
            new XElement("CommandUIDefinition",
                new XElement("Button", new XAttribute("Id", command.Prefix + ".Button"), new XAttribute("Command", command.CommandId),
                    new XAttribute("Sequence", sequence),
                    new XAttribute("LabelText", LocLabelRef(command, "LabelText")),
                    new XAttribute("Alt", LocLabelRef(command, "LabelText")),
                    new XAttribute("ToolTipTitle", LocLabelRef(command, "LabelText")),
                    new XAttribute("ToolTipDescription", LocLabelRef(command, "ToolTip")),
                    new XAttribute("TemplateAlias", "o1"))));

    private static XElement CommandDefinition(RibbonCommand command) =>
        new("CommandDefinition", new XAttribute("Id", command.CommandId),
            new XElement("EnableRules", EnableRuleIds(command).Select(id => new XElement("EnableRule", new XAttribute("Id", id)))),
            new XElement("DisplayRules",
                command.Privilege is EntityPrivilege ? new XElement("DisplayRule", new XAttribute("Id", DisplayRuleId(command))) : null),
            new XElement("Actions",
                new XElement("JavaScriptFunction", new XAttribute("FunctionName", command.Function),
                    new XAttribute("Library", Library(command.Library)),
                    ActionParameters(command).Select(Parameter))));

    /// <summary>
    /// A form passes its context; a grid passes the selected rows' ids (and, to the action, the grid itself):
    /// CrmParameter values in https://learn.microsoft.com/previous-versions/dynamicscrm-2016/developers-guide/gg309332(v=crm.8)
    /// </summary>
    public static IReadOnlyList<string> ActionParameters(RibbonCommand command) =>
        command.Location == RibbonLocation.Form ? [PrimaryControl] : [SelectedIds, SelectedControl];

    public static IReadOnlyList<string> EnableParameters(RibbonCommand command) =>
        command.Location == RibbonLocation.Form ? [PrimaryControl] : [SelectedIds];

    private static XElement Parameter(string value) => new("CrmParameter", new XAttribute("Value", value));

    private static IEnumerable<string> EnableRuleIds(RibbonCommand command) => command.Privilege is RecordPrivilege
        ? [command.Prefix + ".EnableRule", command.Prefix + ".PrivilegeRule"]
        : [command.Prefix + ".EnableRule"];

    private static string DisplayRuleId(RibbonCommand command) => command.Prefix + ".PrivilegeRule";

    private static XElement DisplayRule(RibbonCommand command)
    {
        var privilege = (EntityPrivilege)command.Privilege;
        return new XElement("DisplayRule", new XAttribute("Id", DisplayRuleId(command)),
            new XElement("EntityPrivilegeRule", new XAttribute("PrivilegeType", privilege.PrivilegeType),
                new XAttribute("PrivilegeDepth", privilege.PrivilegeDepth),
                new XAttribute("EntityName", privilege.EntityName)));
    }

    private static IEnumerable<XElement> EnableRules(RibbonCommand command)
    {
        yield return new XElement("EnableRule", new XAttribute("Id", command.Prefix + ".EnableRule"),
            new XElement("CustomRule", new XAttribute("FunctionName", command.EnableFunction),
                new XAttribute("Library", Library(command.Library)),
                new XAttribute("Default", "false"),
                EnableParameters(command).Select(Parameter)));
        if (command.Privilege is RecordPrivilege record)
        {
            yield return new XElement("EnableRule", new XAttribute("Id", command.Prefix + ".PrivilegeRule"),
                new XElement("RecordPrivilegeRule", new XAttribute("PrivilegeType", record.PrivilegeType),
                    new XAttribute("AppliesTo", "PrimaryEntity")));
        }
    }

    private static IEnumerable<XElement> LocLabels(RibbonCommand command)
    {
        yield return LocLabel(command, "LabelText", command.Label);
        yield return LocLabel(command, "ToolTip", command.ToolTip);
    }

    private static XElement LocLabel(RibbonCommand command, string part, Label label) =>
        new("LocLabel", new XAttribute("Id", $"{command.Prefix}.{part}"),
            new XElement("Titles", Label.Languages.Select(language =>
                new XElement("Title", new XAttribute("description", label.For(language)), new XAttribute("languagecode", language)))));

    private static string LocLabelRef(RibbonCommand command, string part) => $"$LocLabel:{command.Prefix}.{part}";
}
