using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Cli.Model;

/// <summary>
/// A privilege the user needs before the command shows. An entity privilege (on another table) is a display rule;
/// a record privilege (on the open record) is an enable rule, as the ribbon schema places them.
/// </summary>
public abstract record PrivilegeRule(string PrivilegeType);

public sealed record EntityPrivilege(string EntityName, string PrivilegeType, string PrivilegeDepth) : PrivilegeRule(PrivilegeType);

public sealed record RecordPrivilege(string PrivilegeType) : PrivilegeRule(PrivilegeType);

/// <summary>Where the button sits: the main form's command bar, or the command bar of the table's grid (its views).</summary>
public enum RibbonLocation
{
    Form,
    HomepageGrid,
}

/// <summary>
/// A command-bar button on a table's main form or grid: the action and the custom enable rule are functions of one bundle,
/// called with the form context (<c>PrimaryControl</c>) on a form, with the selected rows' ids on a grid (the action also
/// gets the grid, to refresh it); webresources/registrations.json, "ribbon".
/// </summary>
public sealed record RibbonCommand(string Table, string Key, Label Label, Label ToolTip, string Library, string Function,
    string EnableFunction, PrivilegeRule Privilege, RibbonLocation Location = RibbonLocation.Form)
{
    public string Prefix => $"cx.{Table}.{Key}";

    public string CommandId => Prefix + ".Command";
}

internal static class RibbonCommands
{
    public static IReadOnlyList<RibbonCommand> All { get; } =
    [
        RedeemReward(TableNames.Contact),
        RedeemReward(TableNames.Account),
        Voucher("MarkVoucherUsed", Label.Of("Mark voucher used", "Marcar vale como usado"),
            Label.Of("Record that the customer used this voucher; it cannot be used again.",
                "Registra que el cliente usó este vale; no se puede volver a usar."),
            "CrmExtensions.CustomerRibbon.markVoucherUsed"),
        Voucher("CancelRedemption", Label.Of("Cancel redemption", "Cancelar canje"),
            Label.Of("Cancel this voucher and give its points back to the customer.",
                "Cancela este vale y devuelve sus puntos al cliente."),
            "CrmExtensions.CustomerRibbon.cancelRedemption"),
        new("cx_crmstrategy", "AnalyzePortfolio", Label.Of("Analyze portfolio", "Analizar cartera"),
            Label.Of("Start a portfolio analysis for this strategy and open it.",
                "Inicia un análisis de cartera para esta estrategia y lo abre."),
            WebResources.StrategyCommands, "CrmExtensions.StrategyRibbon.analyzePortfolio",
            "CrmExtensions.StrategyRibbon.canAnalyzePortfolio",
            new EntityPrivilege("cx_portfolioanalysis", "Create", "Basic")),
        new("cx_crmstrategy", "AdvanceStep", Label.Of("Advance step", "Avanzar paso"),
            Label.Of("Move the strategy to its next step when the stage gate allows it.",
                "Pasa la estrategia al siguiente paso cuando la puerta de etapa lo permite."),
            WebResources.StrategyCommands, "CrmExtensions.StrategyRibbon.advanceStep", "CrmExtensions.StrategyRibbon.canAdvanceStep",
            new RecordPrivilege("Write")),
        ResumeAnalysis(RibbonLocation.Form, "ResumeAnalysis", "resumeAnalysis", "canResumeAnalysis"),
        ResumeAnalysis(RibbonLocation.HomepageGrid, "ResumeSelectedAnalysis", "resumeSelectedAnalysis", "canResumeSelectedAnalysis"),
    ];

    public static IEnumerable<RibbonCommand> For(Table table) => All.Where(c => c.Table == table.LogicalName);

    /// <summary>
    /// Resume on a paused or stopped analysis (cx_ResumePortfolioAnalysis). Shown only to users who may edit analyses:
    /// prvWritecx_PortfolioAnalysis is the API's execute privilege and only the CRM Strategy Manager role holds it.
    /// </summary>
    private static RibbonCommand ResumeAnalysis(RibbonLocation location, string key, string function, string enableFunction) => new(
        "cx_portfolioanalysis", key, Label.Of("Resume", "Reanudar"),
        Label.Of("Continue a paused or stopped analysis from where it stopped.",
            "Continúa un análisis en pausa o detenido desde donde se quedó."),
        WebResources.StrategyCommands, "CrmExtensions.StrategyRibbon." + function, "CrmExtensions.StrategyRibbon." + enableFunction,
        new EntityPrivilege("cx_portfolioanalysis", "Write", "Basic"), location);

    /// <summary>
    /// The voucher commands call cx_MarkVoucherUsed / cx_CancelRedemption, whose execute privilege is Write on redemptions:
    /// the display rule asks for that privilege at the depth the relationship user holds (Local), so exactly the roles that
    /// may call the API see the button.
    /// </summary>
    private static RibbonCommand Voucher(string key, Label label, Label toolTip, string function)
        => new("cx_rewardredemption", key, label, toolTip,
        WebResources.CustomerCommands, function, "CrmExtensions.CustomerRibbon.canChangeVoucher",
        new EntityPrivilege("cx_rewardredemption", "Write", "Local"));

    private static RibbonCommand RedeemReward(string table) => new(table, "RedeemReward", Label.Of("Redeem reward", "Canjear recompensa"),
        Label.Of("Redeem one of the program's rewards with this customer's points.",
            "Canjea una recompensa del programa con los puntos de este cliente."),
        WebResources.CustomerCommands, "CrmExtensions.CustomerRibbon.redeemReward", "CrmExtensions.CustomerRibbon.canRedeemReward",
        new EntityPrivilege("cx_rewardredemption", "Create", "Basic"));
}
