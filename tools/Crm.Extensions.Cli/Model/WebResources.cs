using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Cli.Model;

/// <summary>Web resource types as Dataverse numbers them (webresource.webresourcetype).</summary>
public enum WebResourceKind
{
    Html = 1,
    Css = 2,
    Script = 3,
}

/// <summary>
/// A web resource of webresources/: its name is also its path under webresources/dist and under WebResources/ in the solution,
/// so pack finds the built bytes by name and writes them at <see cref="FileName"/>.
/// </summary>
public sealed record WebResource(string Name, WebResourceKind Kind, Label Display)
{
    public string FileName => "/WebResources/" + Name;
}

/// <summary>The web resources webresources/registrations.json lists, one per built bundle or file.</summary>
internal static class WebResources
{
    public const string ContactForm = "cx_/scripts/contact_form.js";
    public const string AccountForm = "cx_/scripts/account_form.js";
    public const string SurveyForm = "cx_/scripts/survey_form.js";
    public const string InteractionQuickCreate = "cx_/scripts/interaction_quickcreate.js";
    public const string PortfolioAnalysisForm = "cx_/scripts/portfolioanalysis_form.js";
    public const string CustomerCommands = "cx_/scripts/customer_commands.js";
    public const string StrategyCommands = "cx_/scripts/strategy_commands.js";
    public const string JourneyPanelScript = "cx_/scripts/journey_panel.js";
    public const string JourneyPage = "cx_/html/journey.html";
    public const string JourneyStyles = "cx_/html/journey.css";
    public const string MemberDialogScript = "cx_/scripts/member_dialog.js";
    public const string MemberDialogPage = "cx_/html/member.html";
    public const string MemberDialogStyles = "cx_/html/member.css";

    public static IReadOnlyList<WebResource> All { get; } =
    [
        new(ContactForm, WebResourceKind.Script, Label.Of("Contact form", "Formulario de contacto")),
        new(AccountForm, WebResourceKind.Script, Label.Of("Account form", "Formulario de cuenta")),
        new(SurveyForm, WebResourceKind.Script, Label.Of("Satisfaction survey form", "Formulario de encuesta de satisfacción")),
        new(InteractionQuickCreate, WebResourceKind.Script, Label.Of("Interaction quick create", "Creación rápida de interacción")),
        new(PortfolioAnalysisForm, WebResourceKind.Script, Label.Of("Portfolio analysis form", "Formulario de análisis de cartera")),
        new(CustomerCommands, WebResourceKind.Script, Label.Of("Customer commands", "Comandos de cliente")),
        new(StrategyCommands, WebResourceKind.Script, Label.Of("Strategy commands", "Comandos de estrategia")),
        new(JourneyPanelScript, WebResourceKind.Script,
            Label.Of("Customer journey panel script", "Script del panel del recorrido del cliente")),
        new(JourneyPage, WebResourceKind.Html, Label.Of("Customer journey", "Recorrido del cliente")),
        new(JourneyStyles, WebResourceKind.Css, Label.Of("Customer journey styles", "Estilos del recorrido del cliente")),
        new(MemberDialogScript, WebResourceKind.Script,
            Label.Of("Rewards and points dialog script", "Script del cuadro de recompensas y puntos")),
        new(MemberDialogPage, WebResourceKind.Html, Label.Of("Rewards and points", "Recompensas y puntos")),
        new(MemberDialogStyles, WebResourceKind.Css, Label.Of("Rewards and points styles", "Estilos de recompensas y puntos")),
    ];

    public static WebResource Named(string name) => All.Single(w => w.Name == name);
}
