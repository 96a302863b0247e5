using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Crm.Extensions.Cli.Metadata;
using Crm.Extensions.Cli.Model;
using Crm.Extensions.Cli.Packaging;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Cli.Generation;

/// <summary>
/// Writes SdkMessageProcessingSteps/{id}.xml and the assembly's plugin types from the plugin classes' own step declarations.
/// Ids are name-based, so regenerating the same declarations is byte-identical.
/// </summary>
public static class StepGenerator
{
    /// <param name="UnboundCustomApis">Custom APIs a plugin implements that have no customapis/&lt;name&gt;/customapi.xml yet.</param>
    public sealed record Result(int PluginTypes, int Steps, IReadOnlyList<string> UnboundCustomApis);

    /// <summary>
    /// Well-known message ids, the same in every organization. Custom API messages get theirs on import, so they are omitted.
    /// </summary>
    private static readonly Dictionary<string, string> MessageIds = new(StringComparer.Ordinal)
    {
        [SdkMessage.Create.Name] = "9ebdbb1b-ea3e-db11-86a7-000a3a5473e8",
        [SdkMessage.Update.Name] = "20bebb1b-ea3e-db11-86a7-000a3a5473e8",
        [SdkMessage.Delete.Name] = "a1bdbb1b-ea3e-db11-86a7-000a3a5473e8",
    };

    /// <summary>4602: the step's handler is a plugin type.</summary>
    private const int PluginTypeHandler = 4602;

    public static Result Write(Assembly pluginAssembly, string folder)
    {
        ArgumentNullException.ThrowIfNull(pluginAssembly);
        var identity = pluginAssembly.GetName();
        var assemblyName = identity.Name ?? throw new SolutionException("The plugin assembly has no name.");
        var fullName = FullName(identity);
        var plugins = PluginTypes(pluginAssembly).ToList();
        PluginAssemblyXml.Write(folder, assemblyName, fullName, plugins.Select(p => new RegisteredType(p.Type.FullName!)));

        var stepsFolder = Path.Combine(folder, SourceLayout.StepsFolder);
        foreach (var stale in Directory.Exists(stepsFolder) ? Directory.GetFiles(stepsFolder, "*.xml") : [])
        {
            // Steps of other assemblies (none today) would stay; ours are rewritten from the declarations.
            if (Xml.Load(stale).Element("PluginTypeName")?.Value.Contains($", {assemblyName},", StringComparison.Ordinal) == true)
            {
                File.Delete(stale);
            }
        }

        var steps = 0;
        foreach (var (type, declarations) in plugins)
        {
            foreach (var step in declarations.Where(s => s.Stage != PipelineStage.MainOperation))
            {
                var xml = Step(type, fullName, step);
                Xml.Save(xml, Path.Combine(stepsFolder, xml.Attribute("SdkMessageProcessingStepId")!.Value + ".xml"));
                steps++;
            }
        }

        var unbound = plugins
            .SelectMany(p => p.Steps.Where(s => s.Stage == PipelineStage.MainOperation).Select(s => (p.Type, Api: s.Message.Name)))
            .Where(binding => !CustomApiBinding.Bind(folder, binding.Api, PluginTypeId(binding.Type)))
            .Select(binding => binding.Api)
            .ToList();
        SolutionGenerator.WriteManifest(folder);
        return new Result(plugins.Count, steps, unbound);
    }

    public static Guid PluginTypeId(Type type) => PluginAssemblyXml.PluginTypeId(type.FullName!);

    /// <summary>Every concrete PluginBase, built the way Dataverse builds it (unsecure and secure configuration, both null here).</summary>
    public static IEnumerable<(Type Type, IReadOnlyList<StepDeclaration> Steps)> PluginTypes(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(PluginBase)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t =>
            {
                var constructor = t.GetConstructor([typeof(string), typeof(string)])
                    ?? throw new SolutionException(
                        $"{t.FullName} needs a public (string? unsecure, string? secure) constructor, as Dataverse calls it.");
                var plugin = (PluginBase)constructor.Invoke([null, null]);
                return (t, plugin.Steps);
            });

    private static XElement Step(Type type, string assemblyFullName, StepDeclaration step)
    {
        var name = $"{type.FullName}: {step.Message.Name} of {step.PrimaryEntity}";
        var id = DeterministicGuid.Create(
            $"step:{type.FullName}:{step.Message.Name}:{step.PrimaryEntity}:{(int)step.Stage}:{(int)step.Mode}");
        var asynchronous = step.Mode == ExecutionMode.Asynchronous;
        return new XElement("SdkMessageProcessingStep", new XAttribute("Name", name),
            new XAttribute("SdkMessageProcessingStepId", id.Braced()),
            new XAttribute(XNamespace.Xmlns + "xsi", Xml.Xsi),
            // Exports write SdkMessageId first (devkeydet/explicitpluginimpersonation src/SdkMessageProcessingSteps); the 2018 schema
            // wants it after Rank, so validate moves it there before the schema check (SchemaNormalizer).
            MessageIds.TryGetValue(step.Message.Name, out var messageId) ? new XElement("SdkMessageId", messageId) : null,
            new XElement("PluginTypeName", $"{type.FullName}, {assemblyFullName}"),
            new XElement("PluginTypeId", PluginTypeId(type).ToString("D")),
            new XElement("PrimaryEntity", step.PrimaryEntity),
            // Successful async jobs are deleted so the system job table does not grow with every event.
            new XElement("AsyncAutoDelete", Xml.Bit(asynchronous)),
            new XElement("Description", name),
            new XElement("FilteringAttributes", string.Join(",", step.FilteringAttributes)),
            new XElement("InvocationSource", "0"),
            new XElement("Mode", (int)step.Mode),
            new XElement("Rank", step.Rank),
            new XElement("EventHandlerTypeCode", PluginTypeHandler),
            new XElement("Stage", (int)step.Stage),
            new XElement("IsCustomizable", Xml.Bit(ManagedProperties.Steps)),
            new XElement("IsHidden", "0"),
            new XElement("SupportedDeployment", "0"),
            new XElement("IntroducedVersion", AttributeXml.IntroducedVersion),
            new XElement("SdkMessageProcessingStepImages", step.Images.Select(image =>
                new XElement("SdkMessageProcessingStepImage", new XAttribute("Name", image.Alias),
                    new XElement("SdkMessageProcessingStepImageId", DeterministicGuid.Create($"image:{id}:{image.Alias}").Braced()),
                    new XElement("Attributes", string.Join(",", image.Columns)),
                    new XElement("EntityAlias", image.Alias),
                    new XElement("ImageType", (int)image.Type),
                    // Create exposes the new row's id; Update and Delete expose Target.
                    new XElement("MessagePropertyName", step.Message == SdkMessage.Create ? "Id" : "Target"),
                    new XElement("IsCustomizable", Xml.Bit(ManagedProperties.Steps)),
                    new XElement("IntroducedVersion", AttributeXml.IntroducedVersion)))));
    }

    private static string FullName(AssemblyName identity) =>
        PluginAssemblyXml.FullName(identity.Name!, identity.Version, identity.GetPublicKeyToken());

    /// <summary>Registers the custom workflow activities of a net462 workflow assembly, grouped under one name in the designer.</summary>
    public static int WriteWorkflowActivities(byte[] workflowAssembly, string folder, string groupName)
    {
        var scan = WorkflowActivityScanner.Read(workflowAssembly);
        PluginAssemblyXml.Write(folder, scan.Name, scan.FullName,
            scan.Activities.Select(a => new RegisteredType(a.FullName, groupName, a.DisplayName)));
        SolutionGenerator.WriteManifest(folder);
        return scan.Activities.Count;
    }
}
