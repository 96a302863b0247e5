using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Generation;
using Crm.Extensions.Cli.Model;

namespace Crm.Extensions.Cli.Metadata;

/// <summary>Main, quick create and quick view forms: one tab, sections grouped the way a user thinks, two columns per section.</summary>
internal static class FormXml
{
    public const string MainType = "main";
    /// <summary>FormXml's SystemFormType for a quick create form; "quick" is a quick view form, which runs no scripts.</summary>
    public const string QuickCreateType = "quickCreate";

    /// <summary>
    /// FormXml's SystemFormType for a quick view form (systemform type 6): a read-only card of a row that another form shows
    /// under a lookup to it, with the platform's own data load (no script, no Web API call of ours).
    /// </summary>
    public const string QuickViewType = "quick";

    /// <summary>The quick view control's fixed class id (Dataverse's form control ids).</summary>
    internal const string QuickViewControlClass = "{5C5600E0-1D6E-4205-A272-BE80DA87FD42}";

    public static Guid MainFormId(Table table) => DeterministicGuid.Create($"form:{table.LogicalName}:main");

    public static Guid QuickCreateFormId(Table table) => DeterministicGuid.Create($"form:{table.LogicalName}:quick");

    public static Guid QuickViewFormId(Table table) => DeterministicGuid.Create($"form:{table.LogicalName}:quickview");

    public static XElement MainForm(Table table)
    {
        var sections = table.IsCustom
            ? table.Sections
            : [new FormSection("customer", Label.Of("Customer", "Cliente"), [table.PrimaryNameColumn, .. StandardCustomerColumns(table)]),
                .. table.Sections];
        var title = table.IsCustom ? table.Display : Label.Of("Customer loyalty", "Fidelización del cliente");
        var tab = Tab(table, "general", Label.Of("General", "General"), sections, columnsPerSection: 2);
        if (table.MemberCardLookup is { } lookup)
        {
            tab.Descendants("sections").Single().Add(MemberCardSection(table, lookup));
        }

        if (table.Subgrids.Count > 0)
        {
            tab.Descendants("sections").Single().Add(SubgridSection(table));
        }

        var form = new XElement("form", new XAttribute("shownavigationbar", "true"), new XAttribute("showImage", "false"),
            new XAttribute("maxWidth", "1920"),
            new XElement("tabs", tab, FormScripts.HasJourneyTab(table) ? JourneyTabXml.Tab(table) : null));
        if (table.IsCustom && table.Ownership == Ownership.User)
        {
            form.Add(Header(table, ["ownerid", "statuscode"]));
        }
        else if (!table.IsCustom)
        {
            // The member card at a glance: tier, available and pending points, lifecycle stage (no script, no Web API call).
            form.Add(Header(table, ["cx_loyaltytierid", "cx_pointsbalance", "cx_pendingpoints", "cx_lifecyclestage"]));
            tab.Descendants("sections").Single().Add(TimelineSection(table));
        }

        WithScript(form, table, MainType);

        return SystemForm(MainFormId(table), form, title,
            Label.Of($"Work with one {table.Display.En.ToLowerInvariant()}.",
                $"Trabaje con un registro de {table.Display.Es.ToLowerInvariant()}."));
    }

    public static XElement QuickCreateForm(Table table)
    {
        var section = new FormSection("quickcreate", table.Display, table.QuickCreateColumns);
        var form = new XElement("form", new XElement("tabs", Tab(table, "quickcreate", table.Display, [section], columnsPerSection: 1)));
        WithScript(form, table, QuickCreateType);
        return SystemForm(QuickCreateFormId(table), form,
            Label.Of($"Quick create: {table.Display.En}", $"Creación rápida: {table.Display.Es}"),
            Label.Of($"Create a {table.Display.En.ToLowerInvariant()} without leaving the current record.",
                $"Cree un registro de {table.Display.Es.ToLowerInvariant()} sin salir del registro actual."));
    }

    /// <summary>
    /// The member card: a quick view form, one section of read-only cells, no header, margin or navigation, no script. It loads
    /// with the row that shows it (the platform's own form data, no Web API call of ours).
    /// </summary>
    public static XElement QuickViewForm(Table table)
    {
        var section = new FormSection("membercard", MemberCardTitle, table.QuickViewColumns);
        var form = new XElement("form", new XAttribute("hasmargin", "false"), new XAttribute("shownavigationbar", "false"),
            new XElement("tabs", Tab(table, "membercard", MemberCardTitle, [section], columnsPerSection: 2)));
        return SystemForm(QuickViewFormId(table), form,
            Label.Of($"Member card: {table.Display.En}", $"Tarjeta de miembro: {table.Display.Es}"),
            Label.Of("Tier, points and stage of the customer at a glance, shown on the forms that look the customer up.",
                "Nivel, puntos y etapa del cliente de un vistazo, mostrados en los formularios que buscan al cliente."));
    }

    private static Label MemberCardTitle => Label.Of("Member card", "Tarjeta de miembro");

    /// <summary>
    /// A quick view control under the customer lookup: the member card of whichever table the lookup points at (contact or
    /// account), as the QuickForms parameter lists one quick view form per table.
    /// </summary>
    private static XElement MemberCardSection(Table table, string lookup)
    {
        var targets = CrmExtensionsModel.Tables.Where(t => t.QuickViewColumns.Count > 0).ToList();
        var quickForms = new XElement("QuickFormIds", targets.Select(t =>
            new XElement("QuickFormId", new XAttribute("entityname", t.LogicalName), QuickViewFormId(t).Braced())));
        return new XElement("section", new XAttribute("name", "membercard"), new XAttribute("showlabel", "true"),
            new XAttribute("showbar", "false"),
            new XAttribute("locklevel", "0"), new XAttribute("id", Id(table, "section", "general.membercard")),
            new XAttribute("IsUserDefined", "0"),
            new XAttribute("layout", "varwidth"), new XAttribute("columns", "1"), new XAttribute("labelwidth", "115"),
            new XAttribute("celllabelalignment", "Left"),
            Xml.Labels("labels", "label", MemberCardTitle),
            new XElement("rows", new XElement("row",
                new XElement("cell", new XAttribute("id", Id(table, "cell", "general.membercard." + lookup)),
                    new XAttribute("showlabel", "false"),
                    new XAttribute("locklevel", "0"), new XAttribute("rowspan", "4"), new XAttribute("colspan", "1"),
                    new XAttribute("auto", "false"),
                    Xml.Labels("labels", "label", MemberCardTitle),
                    new XElement("control", new XAttribute("id", "membercard_" + lookup), new XAttribute("classid", QuickViewControlClass),
                        new XAttribute("datafieldname", lookup),
                        // The parameter is the quick form list as escaped XML text, as exports write it.
                        new XElement("parameters",
                            new XElement("QuickForms", quickForms.ToString(SaveOptions.DisableFormatting)),
                            new XElement("ControlMode", "Edit")))))));
    }

    /// <summary>The form's script library and event handlers, when the form has a script (webresources/registrations.json).</summary>
    private static void WithScript(XElement form, Table table, string formType)
    {
        if (FormScripts.For(table, formType) is { } script)
        {
            FormScriptXml.Apply(form, table, script);
        }
    }

    private static XElement SystemForm(Guid id, XElement form, Label name, Label description) =>
        new("forms", new XAttribute(XNamespace.Xmlns + "xsi", Xml.Xsi),
            new XElement("systemform",
                new XElement("formid", id.Braced()),
                new XElement("IntroducedVersion", AttributeXml.IntroducedVersion),
                new XElement("FormPresentation", "1"),
                new XElement("FormActivationState", "1"),
                form,
                new XElement("IsCustomizable", "1"),
                new XElement("CanBeDeleted", "1"),
                Xml.Labels("LocalizedNames", "LocalizedName", name),
                Xml.Labels("Descriptions", "Description", description)));

    private static XElement Tab(Table table, string name, Label title, IReadOnlyList<FormSection> sections, int columnsPerSection) =>
        new("tab", new XAttribute("name", name), new XAttribute("id", Id(table, "tab", name)), new XAttribute("IsUserDefined", "0"),
            new XAttribute("locklevel", "0"), new XAttribute("showlabel", "true"), new XAttribute("expanded", "true"),
            new XAttribute("verticallayout", "true"),
            Xml.Labels("labels", "label", title),
            new XElement("columns", new XElement("column", new XAttribute("width", "100%"),
                new XElement("sections", sections.Select(s => Section(table, name, s, columnsPerSection))))));

    private static XElement Section(Table table, string tab, FormSection section, int columns) =>
        new("section", new XAttribute("name", section.Name), new XAttribute("showlabel", "true"), new XAttribute("showbar", "false"),
            new XAttribute("locklevel", "0"), new XAttribute("id", Id(table, "section", $"{tab}.{section.Name}")),
            new XAttribute("IsUserDefined", "0"),
            new XAttribute("layout", "varwidth"), new XAttribute("columns", columns == 2 ? "11" : "1"), new XAttribute("labelwidth", "115"),
            new XAttribute("celllabelalignment", "Left"),
            Xml.Labels("labels", "label", section.Title),
            new XElement("rows", section.Columns.Chunk(columns).Select(row =>
                new XElement("row", row.Select(column => Cell(table, $"{tab}.{section.Name}", column))))));

    /// <summary>The standard columns the Customer section shows besides the name: how to reach them, and the birthday bonus date.</summary>
    private static IReadOnlyList<string> StandardCustomerColumns(Table table) =>
        table.LogicalName == TableNames.Contact ? ["emailaddress1", "telephone1", "birthdate"] : ["emailaddress1", "telephone1"];

    /// <summary>Labels of the standard columns the product puts on its forms (they are not in the model: Dataverse owns them).</summary>
    private static readonly IReadOnlyDictionary<string, (Label Label, ColumnKind Kind)> StandardColumns =
        new Dictionary<string, (Label, ColumnKind)>
    {
        ["emailaddress1"] = (Label.Of("Email", "Correo electrónico"), ColumnKind.Email),
        ["telephone1"] = (Label.Of("Phone", "Teléfono"), ColumnKind.Text),
        ["birthdate"] = (Label.Of("Birth date", "Fecha de nacimiento"), ColumnKind.DateOnly),
    };

    /// <summary>The timeline control (notes, posts and activities such as the product's tasks) as exports write it.</summary>
    private const string TimelineControlClass = "{06375649-c143-495e-a496-c962e5b4488e}";

    private static XElement TimelineSection(Table table) =>
        new("section", new XAttribute("name", "timeline"), new XAttribute("showlabel", "true"), new XAttribute("showbar", "false"),
            new XAttribute("locklevel", "0"), new XAttribute("id", Id(table, "section", "general.timeline")),
            new XAttribute("IsUserDefined", "0"),
            new XAttribute("layout", "varwidth"), new XAttribute("columns", "1"), new XAttribute("labelwidth", "115"),
            new XAttribute("celllabelalignment", "Left"),
            Xml.Labels("labels", "label", Label.Of("Follow-ups", "Seguimientos")),
            new XElement("rows", new XElement("row",
                new XElement("cell", new XAttribute("id", Id(table, "cell", "general.timeline.notescontrol")),
                    new XAttribute("showlabel", "false"),
                    new XAttribute("locklevel", "0"), new XAttribute("rowspan", "12"), new XAttribute("colspan", "1"),
                    new XAttribute("auto", "false"),
                    Xml.Labels("labels", "label", Label.Of("Timeline", "Escala de tiempo")),
                    new XElement("control", new XAttribute("id", "notescontrol"), new XAttribute("classid", TimelineControlClass))))));

    private const string SubgridControlClass = "{E7A81278-8635-4d9e-8D4D-59480B391C5B}";

    /// <summary>One section with a subgrid per related list, on the related table's associated view.</summary>
    private static XElement SubgridSection(Table table) =>
        new("section", new XAttribute("name", "related"), new XAttribute("showlabel", "false"), new XAttribute("showbar", "false"),
            new XAttribute("locklevel", "0"), new XAttribute("id", Id(table, "section", "general.related")),
            new XAttribute("IsUserDefined", "0"),
            new XAttribute("layout", "varwidth"), new XAttribute("columns", "1"), new XAttribute("labelwidth", "115"),
            new XAttribute("celllabelalignment", "Left"),
            Xml.Labels("labels", "label", Label.Of("Related", "Relacionados")),
            new XElement("rows", table.Subgrids.Select(grid => new XElement("row", SubgridCell(table, grid)))));

    private static XElement SubgridCell(Table table, FormSubgrid grid)
    {
        var related = CrmExtensionsModel.Table(grid.Table);
        var relationship = CrmExtensionsModel.Relationships.Single(r =>
            r.ReferencedEntity == table.LogicalName && r.ReferencingEntity == grid.Table && r.ReferencingAttribute == grid.Lookup);
        return new XElement("cell", new XAttribute("id", Id(table, "cell", "general.related." + grid.Name)),
            new XAttribute("showlabel", "true"),
            new XAttribute("locklevel", "0"), new XAttribute("rowspan", "6"), new XAttribute("colspan", "1"),
            new XAttribute("auto", "false"),
            Xml.Labels("labels", "label", grid.Title),
            new XElement("control", new XAttribute("id", grid.Name), new XAttribute("classid", SubgridControlClass),
                new XAttribute("indicationOfSubgrid", "true"),
                SubgridParameters(ViewXml.Id(related, "associated").Braced(), relationship.Name, grid.Table, recordsPerPage: 10)));
    }

    /// <summary>The parameters of a read-only subgrid over one relationship and view, as exports write them.</summary>
    internal static XElement SubgridParameters(string viewId, string relationshipName, string targetTable, int recordsPerPage) =>
        new("parameters",
            new XElement("ViewId", viewId),
            new XElement("IsUserView", "false"),
            new XElement("RelationshipName", relationshipName),
            new XElement("TargetEntityType", targetTable),
            new XElement("AutoExpand", "Fixed"),
            new XElement("EnableQuickFind", "false"),
            new XElement("EnableViewPicker", "false"),
            new XElement("ViewIds", string.Empty),
            new XElement("EnableJumpBar", "false"),
            new XElement("ChartGridMode", "Grid"),
            new XElement("VisualizationId", string.Empty),
            new XElement("IsUserChart", "false"),
            new XElement("EnableChartPicker", "false"),
            new XElement("RecordsPerPage", recordsPerPage.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static XElement Header(Table table, IReadOnlyList<string> columns) =>
        new("header", new XAttribute("id", Id(table, "header", "header")), new XAttribute("celllabelposition", "Top"),
            new XAttribute("columns", string.Concat(Enumerable.Repeat("1", columns.Count))), new XAttribute("labelwidth", "115"),
            new XAttribute("celllabelalignment", "Left"),
            new XElement("rows", new XElement("row", columns.Select(c => Cell(table, "header", c, idPrefix: "header_")))));

    private static XElement Cell(Table table, string scope, string columnName, string idPrefix = "")
    {
        var column = table.Columns.FirstOrDefault(c => c.LogicalName == columnName);
        var standard = StandardColumns.TryGetValue(columnName, out var known) ? known : ((Label Label, ColumnKind Kind)?)null;
        var display = column?.Display ?? standard?.Label ?? table.Display;
        var kind = column?.Kind ?? standard?.Kind ?? ColumnKind.Text;
        var control = new XElement("control", new XAttribute("id", idPrefix + columnName), new XAttribute("classid", ControlClass(kind)),
            new XAttribute("datafieldname", columnName));
        if (column is { IsReadOnlyOnForm: true } || column is { ValidForUpdate: false, ValidForCreate: false })
        {
            control.Add(new XAttribute("disabled", "true"));
        }

        return new XElement("cell", new XAttribute("id", Id(table, "cell", $"{scope}.{columnName}")), new XAttribute("showlabel", "true"),
            new XAttribute("locklevel", "0"),
            Xml.Labels("labels", "label", display),
            control);
    }

    /// <summary>The standard control for each column type (Dataverse's fixed class ids).</summary>
    private static string ControlClass(ColumnKind kind) => kind switch
    {
        ColumnKind.Memo => "{E0DECE4B-6FC8-4a8f-A065-082708572369}",
        ColumnKind.WholeNumber or ColumnKind.BigInt => "{C6D124CA-7EDA-4a60-AEA9-7FB8D318B68F}",
        ColumnKind.Decimal => "{C3EFE0C3-0EC6-42be-8349-CBD9079DFD8E}",
        ColumnKind.Money => "{533B9E00-756B-4312-95A0-DC888637AC78}",
        ColumnKind.DateOnly or ColumnKind.DateTime => "{5B773807-9FB2-42db-97C3-7A91EFF8ADFF}",
        ColumnKind.Boolean => "{67FAC785-CD58-4f9f-ABB3-4B7DDC6ED5ED}",
        ColumnKind.Choice or ColumnKind.State or ColumnKind.Status => "{3EF39988-22BB-4f0b-BBBE-64B5A3748AEE}",
        ColumnKind.Lookup or ColumnKind.Customer or ColumnKind.Owner => "{270BD3DB-D9AF-4782-9025-509E298DEC0A}",
        ColumnKind.Email => "{ADA2203E-B4CD-49be-9DDF-234642B43B52}",
        ColumnKind.Url => "{71716B6C-711E-476c-8AB8-5D11542BFB47}",
        _ => "{4273EDBD-AC1D-40d3-9FB2-095C621B552D}",
    };

    private static string Id(Table table, string kind, string name)
        => DeterministicGuid.Create($"form:{table.LogicalName}:{kind}:{name}").Braced();
}
