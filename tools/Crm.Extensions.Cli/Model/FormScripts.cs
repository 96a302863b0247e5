using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Cli.Model;

/// <summary>A form event handler; the form passes the execution context as the first parameter.</summary>
/// <param name="Event">onload, onsave, onchange (with <paramref name="Attribute"/>) or TabStateChange (with
/// <paramref name="Tab"/>).</param>
public sealed record FormHandler(string Event, string Function, string? Attribute = null, string? Tab = null)
{
    public const string OnLoad = "onload";
    public const string OnSave = "onsave";
    public const string OnChange = "onchange";
    public const string TabStateChange = "TabStateChange";
}

/// <summary>The script library of one form and the handlers it registers (webresources/registrations.json, "forms").</summary>
public sealed record FormScript(string Table, string FormType, string Library, IReadOnlyList<FormHandler> Handlers);

/// <summary>Which forms load which bundle, and where the contact and account forms show the customer journey.</summary>
internal static class FormScripts
{
    public const string Main = "main";
    public const string QuickCreate = "quickCreate";

    public const string JourneyTab = "tab_journey";
    public const string JourneyControl = "WebResource_journey";
    public const string JourneySubgrid = "subgrid_loyaltyjourneys";

    private static readonly string[] ConsentColumns = ["cx_consentmarketing", "cx_consentprofiling", "cx_consentpreferences"];
    private static readonly string[] ScoreColumns = ["cx_npsscore", "cx_csatscore"];

    public static IReadOnlyList<FormScript> All { get; } =
    [
        Customer(TableNames.Contact, WebResources.ContactForm, "CrmExtensions.Contact"),
        Customer(TableNames.Account, WebResources.AccountForm, "CrmExtensions.Account"),
        Survey(Main),
        Survey(QuickCreate),
        new("cx_interaction", QuickCreate, WebResources.InteractionQuickCreate,
            [new(FormHandler.OnLoad, "CrmExtensions.Interaction.onLoad")]),
        new("cx_portfolioanalysis", Main, WebResources.PortfolioAnalysisForm,
            [new(FormHandler.OnLoad, "CrmExtensions.PortfolioAnalysis.onLoad")]),
    ];

    /// <summary>Contact and account main forms get the journey tab (panel + journey subgrid).</summary>
    public static bool HasJourneyTab(Table table) => table.LogicalName is TableNames.Contact or TableNames.Account;

    public static FormScript? For(Table table, string formType) =>
        All.SingleOrDefault(s => s.Table == table.LogicalName && s.FormType == formType);

    private static FormScript Customer(string table, string library, string global) => new(table, Main, library,
    [
        new(FormHandler.OnLoad, global + ".onLoad"),
        .. ConsentColumns.Select(c => new FormHandler(FormHandler.OnChange, global + ".onConsentChange", Attribute: c)),
        new(FormHandler.TabStateChange, global + ".onJourneyTabStateChange", Tab: JourneyTab),
    ]);

    private static FormScript Survey(string formType) => new("cx_satisfactionsurvey", formType, WebResources.SurveyForm,
    [
        new(FormHandler.OnLoad, "CrmExtensions.Survey.onLoad"),
        .. ScoreColumns.Select(c => new FormHandler(FormHandler.OnChange, "CrmExtensions.Survey.onScoreChange", Attribute: c)),
        new(FormHandler.OnSave, "CrmExtensions.Survey.onSave"),
    ]);
}
