using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Xml.Linq;
using Crm.Extensions.Cli.Metadata;
using Crm.Extensions.Cli.Model;
using Crm.Extensions.Cli.Packaging;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Plugins.CustomApis;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Cli.Generation;

/// <summary>
/// Writes customapis/&lt;uniquename&gt;/ (customapi.xml, one folder per request parameter and response property) and the web
/// resources' TypeScript names from the <see cref="CustomApiDefinition"/> fields of the plugin assembly. The layout and
/// element order are those of a solution export (customapi.xml, customapirequestparameter.xml and
/// customapiresponseproperty.xml as Microsoft's "create a custom API in a solution" page lists them).
/// </summary>
public static class CustomApiGenerator
{
    public const string RequestFolder = "customapirequestparameters";
    public const string ResponseFolder = "customapiresponseproperties";
    public const string RequestFile = "customapirequestparameter.xml";
    public const string ResponseFile = "customapiresponseproperty.xml";

    /// <param name="Written">The declared APIs, now written.</param>
    /// <param name="Undeclared">Folders under customapis/ that no declaration writes (hand-written; convert them).</param>
    public sealed record Result(IReadOnlyList<string> Written, IReadOnlyList<string> Undeclared);

    /// <summary>Every <see cref="CustomApiDefinition"/> a public static field of the assembly holds, by unique name.</summary>
    public static IReadOnlyList<CustomApiDefinition> Declarations(Assembly pluginAssembly)
    {
        ArgumentNullException.ThrowIfNull(pluginAssembly);
        var declarations = pluginAssembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(f => f.FieldType == typeof(CustomApiDefinition))
            .Select(f => (CustomApiDefinition)f.GetValue(null)!)
            .OrderBy(d => d.UniqueName, StringComparer.Ordinal)
            .ToList();
        var twice = declarations.GroupBy(d => d.UniqueName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new SolutionException($"Custom API {twice.Key} is declared twice.");
        return declarations;
    }

    public static Result Write(Assembly pluginAssembly, string solutionFolder)
    {
        var declarations = Declarations(pluginAssembly);
        CheckHandlers(pluginAssembly, declarations);
        var root = Path.Combine(solutionFolder, SourceLayout.CustomApisFolder);
        foreach (var api in declarations)
        {
            var folder = Path.Combine(root, api.UniqueName);
            // Rewritten whole, so a parameter removed from the declaration leaves no folder behind.
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Xml.Save(CustomApi(api), Path.Combine(folder, CustomApiBinding.FileName));
            foreach (var parameter in api.RequestParameters)
            {
                var file = Path.Combine(folder, RequestFolder, parameter.Name, RequestFile);
                Xml.Save(Field("customapirequestparameter", parameter, request: true), file);
            }

            foreach (var property in api.ResponseProperties)
            {
                var file = Path.Combine(folder, ResponseFolder, property.Name, ResponseFile);
                Xml.Save(Field("customapiresponseproperty", property, request: false), file);
            }
        }

        var declared = declarations.Select(d => d.UniqueName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var undeclared = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>()
                .Where(n => !declared.Contains(n)).Order(StringComparer.Ordinal).ToList()
            : [];
        return new Result(declarations.Select(d => d.UniqueName).ToList(), undeclared);
    }

    /// <summary>Each declaration names the plug-in that registers the API's stage-30 step, and that plug-in exists.</summary>
    private static void CheckHandlers(Assembly pluginAssembly, IReadOnlyList<CustomApiDefinition> declarations)
    {
        var handlers = StepGenerator.PluginTypes(pluginAssembly)
            .SelectMany(p => p.Steps.Where(s => s.Stage == PipelineStage.MainOperation).Select(s => (Api: s.Message.Name, p.Type)))
            .ToList();
        foreach (var api in declarations)
        {
            var registering = handlers
                .Where(h => h.Api.Equals(api.UniqueName, StringComparison.OrdinalIgnoreCase)).Select(h => h.Type).ToList();
            if (registering.Count != 1 || registering[0] != api.PluginType)
            {
                throw new SolutionException(
                    $"Custom API {api.UniqueName} declares {api.PluginType.FullName} as its plug-in, but the plug-ins registering it " +
                    $"at stage 30 are [{string.Join(", ", registering.Select(t => t.FullName))}]. " +
                    "Register it once, with StepDeclaration.ForCustomApi, in the declared class.");
            }
        }
    }

    private static XElement CustomApi(CustomApiDefinition api) =>
        new("customapi", new XAttribute("uniquename", api.UniqueName),
            new XElement("allowedcustomprocessingsteptype", (int)api.AllowedCustomProcessingSteps),
            new XElement("bindingtype", (int)api.BindingType),
            new XElement("boundentitylogicalname", api.BoundTable),
            Labels("description", api.Description),
            Labels("displayname", api.DisplayName),
            new XElement("executeprivilegename", api.ExecutePrivilegeName),
            new XElement("iscustomizable", Xml.Bit(ManagedProperties.CustomApis)),
            new XElement("isfunction", Xml.Bit(api.IsFunction)),
            new XElement("isprivate", Xml.Bit(api.IsPrivate)),
            new XElement("name", api.UniqueName),
            new XElement("plugintypeid", new XElement("plugintypeid", StepGenerator.PluginTypeId(api.PluginType).ToString("D"))));

    private static XElement Field(string element, CustomApiField field, bool request) =>
        new(element, new XAttribute("uniquename", field.Name),
            Labels("description", field.Description),
            Labels("displayname", field.DisplayName),
            new XElement("iscustomizable", Xml.Bit(ManagedProperties.CustomApis)),
            // isoptional exists only on request parameters: on a response property the import refuses it.
            request ? new XElement("isoptional", Xml.Bit(field.IsOptional)) : null,
            // Exports carry logicalentityname on both; empty, an entity reference may point at any table.
            new XElement("logicalentityname"),
            new XElement("name", field.Name),
            new XElement("type", (int)field.Type));

    /// <summary>&lt;description default="English"&gt; with an English and a Spanish label, as the solution's other labels.</summary>
    private static XElement Labels(string container, LocalizedText text)
    {
        var label = Label.Of(text.English, text.Spanish);
        return new XElement(container, new XAttribute("default", text.English),
            Label.Languages.Select(language => new XElement("label",
                new XAttribute("description", label.For(language)),
                new XAttribute("languagecode", language))));
    }

    /// <summary>The web resources' module of API and parameter names: generated, so a renamed parameter cannot be missed there.</summary>
    public static string TypeScript(IEnumerable<CustomApiDefinition> declarations)
    {
        var text = new StringBuilder()
            .Append("// <auto-generated/>\n")
            .Append("// Written by `crmx generate customapis` from plugins/Crm.Extensions.Plugins/CustomApis. Do not edit: change the\n")
            .Append("// declaration there and regenerate (a CLI test fails when this file and the declarations differ).\n");
        foreach (var api in declarations)
        {
            text.Append('\n')
                .Append("/** " + api.UniqueName + ": " + api.DisplayName.English + ". */\n")
                .Append("export const " + ConstantName(api) + " = {\n")
                .Append("  uniqueName: \"" + api.UniqueName + "\",\n")
                .Append("  isFunction: " + (api.IsFunction ? "true" : "false") + ",\n");
            Names(text, "request", api.RequestParameters);
            Names(text, "response", api.ResponseProperties);
            text.Append("} as const;\n");
        }

        return text.ToString();
    }

    public static void WriteTypeScript(Assembly pluginAssembly, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, TypeScript(Declarations(pluginAssembly)), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>cx_RedeemReward → RedeemRewardApi, the name of the C# contract class too.</summary>
    public static string ConstantName(CustomApiDefinition api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var separator = api.UniqueName.IndexOf('_', StringComparison.Ordinal);
        return api.UniqueName[(separator + 1)..] + "Api";
    }

    private static void Names(StringBuilder text, string key, IReadOnlyList<CustomApiField> fields)
    {
        if (fields.Count == 0)
        {
            text.Append("  " + key + ": {},\n");
            return;
        }

        text.Append("  " + key + ": {\n");
        foreach (var field in fields)
        {
            text.Append("    " + field.Name + ": \"" + field.Name + "\",\n");
        }

        text.Append("  },\n");
    }
}
