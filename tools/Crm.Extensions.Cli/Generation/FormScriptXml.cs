using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Metadata;
using Crm.Extensions.Cli.Model;

namespace Crm.Extensions.Cli.Generation;

/// <summary>Adds a form's script library (formLibraries) and its handlers (form events, tab events) to its FormXml.</summary>
internal static class FormScriptXml
{
    public static void Apply(XElement form, Table table, FormScript script)
    {
        var formEvents = script.Handlers.Where(h => h.Tab is null).ToList();
        if (formEvents.Count > 0)
        {
            form.Add(Events(table, script, formEvents.GroupBy(h => (h.Event, h.Attribute))));
        }

        form.Add(new XElement("formLibraries",
            new XElement("Library", new XAttribute("name", script.Library),
                new XAttribute("libraryUniqueId", Id(table, script, "library", script.Library)))));

        foreach (var tabEvents in script.Handlers.Where(h => h.Tab is not null).GroupBy(h => h.Tab!))
        {
            var tab = form.Descendants("tab").Single(t => t.Attribute("name")?.Value == tabEvents.Key);
            tab.Add(Events(table, script, tabEvents.GroupBy(h => (h.Event, h.Attribute))));
        }
    }

    private static XElement Events(Table table, FormScript script,
        System.Collections.Generic.IEnumerable<IGrouping<(string Event, string? Attribute), FormHandler>> events) =>
        new("events", events.Select(e =>
            new XElement("event", new XAttribute("name", e.Key.Event), new XAttribute("application", "false"),
                new XAttribute("active", "false"),
                e.Key.Attribute is null ? null : new XAttribute("attribute", e.Key.Attribute),
                new XElement("Handlers", e.Select(handler =>
                    new XElement("Handler",
                        new XAttribute("functionName", handler.Function),
                        new XAttribute("libraryName", script.Library),
                        new XAttribute("handlerUniqueId",
                            Id(table, script, "handler", $"{handler.Event}:{handler.Attribute}{handler.Tab}:{handler.Function}")),
                        new XAttribute("enabled", "true"),
                        new XAttribute("parameters", string.Empty),
                        new XAttribute("passExecutionContext", "true")))))));

    private static string Id(Table table, FormScript script, string kind, string name) =>
        DeterministicGuid.Create($"form:{table.LogicalName}:{script.FormType}:{kind}:{name}").Braced();
}
