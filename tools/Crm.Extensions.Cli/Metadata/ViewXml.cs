using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Model;

namespace Crm.Extensions.Cli.Metadata;

/// <summary>
/// System views (savedquery). Every custom table gets active, inactive, advanced find, associated, quick find and lookup views.
/// </summary>
internal static class ViewXml
{
    public const int PublicView = 0;
    public const int AdvancedFind = 1;
    public const int Associated = 2;
    public const int QuickFind = 4;
    public const int Lookup = 64;

    public sealed record View(string Key, int QueryType, bool IsDefault, Label Name, Label Description, IReadOnlyList<string> Columns,
        XElement? Filter)
    {
        /// <summary>The order; null uses the table's (<see cref="Table.Sort"/>, else the primary name).</summary>
        public ViewSort? Sort { get; init; }
    }

    public static Guid Id(Table table, string key) => DeterministicGuid.Create($"view:{table.LogicalName}:{key}");

    public static IReadOnlyList<View> For(Table table)
    {
        var columns = new[] { table.PrimaryNameColumn }.Concat(table.ViewColumns).Append("createdon").Distinct().ToList();
        // Associated views are shown under the customer (the journey tab, the related tab), so they leave its column out.
        var associated = columns.Where(c => table.Columns.FirstOrDefault(x => x.LogicalName == c)?.Kind != ColumnKind.Customer).ToList();
        var active = StateFilter(0);
        return
        [
            new("active", PublicView, true, Label.Of($"Active {table.Plural.En}", $"{table.Plural.Es} {table.SpanishPlural("activo")}"),
                Label.Of($"{table.Plural.En} in use.", $"{table.Plural.Es} en uso."), columns, active),
            new("inactive", PublicView, false,
                Label.Of($"Inactive {table.Plural.En}", $"{table.Plural.Es} {table.SpanishPlural("inactivo")}"),
                Label.Of($"{table.Plural.En} no longer in use.", $"{table.Plural.Es} que ya no se usan."), columns, StateFilter(1)),
            new("advancedfind", AdvancedFind, true,
                Label.Of($"{table.Display.En} Advanced Find View", $"Vista de búsqueda avanzada de {table.Display.Es}"),
                Label.Of("Columns shown by advanced find.", "Columnas que muestra la búsqueda avanzada."), columns, null),
            new("associated", Associated, true, Label.Of($"{table.Display.En} Associated View", $"Vista asociada de {table.Display.Es}"),
                Label.Of("Shown in the related list of another record.", "Se muestra en la lista relacionada de otro registro."),
                associated, active),
            new("quickfind", QuickFind, true,
                Label.Of($"Quick Find Active {table.Plural.En}", $"Búsqueda rápida de {table.Plural.Es} {table.SpanishPlural("activo")}"),
                Label.Of("Searched by the search box.", "Lo que busca el cuadro de búsqueda."), columns,
                new XElement("filter", new XAttribute("type", "and"), StateCondition(0),
                    new XElement("filter", new XAttribute("type", "or"), new XAttribute("isquickfindfields", "1"),
                        new[] { table.PrimaryNameColumn }.Concat(table.FindColumns).Select(c =>
                            new XElement("condition", new XAttribute("attribute", c), new XAttribute("operator", "like"),
                                new XAttribute("value", "{0}")))))),
            new("lookup", Lookup, true, Label.Of($"{table.Display.En} Lookup View", $"Vista de búsqueda de {table.Display.Es}"),
                Label.Of("Shown when a user picks a row in a lookup.", "Se muestra al elegir una fila en una búsqueda."),
                [table.PrimaryNameColumn, .. table.ViewColumns.Take(2)], active),
            .. table.WorkingViews.Select(Working),
        ];
    }

    /// <summary>A working view: active rows that meet every condition, in the view's own order.</summary>
    public static View Working(WorkingView view) =>
        new(view.Key, PublicView, false, view.Name, view.Description, view.Columns,
            new XElement("filter", new XAttribute("type", "and"), StateCondition(0), view.Conditions.Select(Condition),
                view.AnyOf.Count == 0 ? null : new XElement("filter", new XAttribute("type", "or"), view.AnyOf.Select(Condition))))
        {
            Sort = view.Sort,
        };

    private static XElement Condition(ViewCondition condition) =>
        new("condition", new XAttribute("attribute", condition.Column), new XAttribute("operator", condition.Operator),
            condition.Values.Length == 1 ? new XAttribute("value", condition.Values[0]) : null,
            condition.Values.Length > 1 ? condition.Values.Select(v => new XElement("value", v)) : null);

    public static XElement Write(Table table, View view) =>
        new("savedqueries", new XAttribute(XNamespace.Xmlns + "xsi", Xml.Xsi),
            new XElement("savedquery",
                new XElement("IsCustomizable", "1"),
                new XElement("CanBeDeleted", Xml.Bit(view.QueryType == PublicView && !view.IsDefault)),
                new XElement("isquickfindquery", Xml.Bit(view.QueryType == QuickFind)),
                new XElement("isprivate", "0"),
                new XElement("isdefault", Xml.Bit(view.IsDefault)),
                new XElement("savedqueryid", Id(table, view.Key).Braced()),
                new XElement("layoutxml", Layout(table, view.Columns)),
                new XElement("querytype", view.QueryType),
                new XElement("fetchxml",
                    Fetch(table, view.Columns, view.Filter, view.Sort ?? table.Sort ?? new ViewSort(table.PrimaryNameColumn))),
                new XElement("IntroducedVersion", AttributeXml.IntroducedVersion),
                Xml.Labels("LocalizedNames", "LocalizedName", view.Name),
                Xml.Labels("Descriptions", "Description", view.Description)));

    // No "object" attribute: a custom table gets its type code in the target environment, and exports leave it out.
    private static XElement Layout(Table table, IEnumerable<string> columns) =>
        new("grid", new XAttribute("name", "resultset"), new XAttribute("jump", table.PrimaryNameColumn),
            new XAttribute("select", "1"), new XAttribute("icon", "1"), new XAttribute("preview", "1"),
            new XElement("row", new XAttribute("name", "result"), new XAttribute("id", table.PrimaryIdColumn),
                columns.Select(
                    c => new XElement("cell", new XAttribute("name", c),
                        new XAttribute("width", c == table.PrimaryNameColumn ? 300 : 150)))));

    private static XElement Fetch(Table table, IEnumerable<string> columns, XElement? filter, ViewSort sort) =>
        new("fetch", new XAttribute("version", "1.0"), new XAttribute("mapping", "logical"),
            new XElement("entity", new XAttribute("name", table.LogicalName),
                columns.Prepend(table.PrimaryIdColumn).Distinct().Select(c => new XElement("attribute", new XAttribute("name", c))),
                new XElement("order", new XAttribute("attribute", sort.Column),
                    new XAttribute("descending", sort.Descending ? "true" : "false")),
                filter is null ? null : new XElement(filter)));

    private static XElement StateFilter(int state) => new("filter", new XAttribute("type", "and"), StateCondition(state));

    private static XElement StateCondition(int state) =>
        new("condition", new XAttribute("attribute", "statecode"), new XAttribute("operator", "eq"), new XAttribute("value", state));
}
