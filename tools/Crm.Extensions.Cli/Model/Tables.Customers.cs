using System.Collections.Generic;
using static Crm.Extensions.Cli.Model.Columns;

namespace Crm.Extensions.Cli.Model;

/// <summary>
/// The columns the solution adds to the standard contact and account tables: who the customer is to the loyalty strategy.
/// </summary>
internal static partial class CrmExtensionsModel
{
    private static Table Contact() => StandardCustomer("Contact", TableNames.Contact,
        Label.Of("Contact", "Contacto"), Label.Of("Contacts", "Contactos"), Label.Of("Person", "Persona"));

    private static Table Account() => StandardCustomer("Account", TableNames.Account,
        Label.Of("Account", "Cuenta"), Label.Of("Accounts", "Cuentas"), Label.Of("Organization", "Organización"));

    private static Table StandardCustomer(string schemaName, string logicalName, Label display, Label plural, Label who)
        => new(schemaName, display, plural,
        Label.Of($"{who.En} who buys from us.", $"{who.Es} que nos compra."))
    {
        IsCustom = false,
        PrimaryNameColumn = logicalName == TableNames.Contact ? "fullname" : "name",
        Columns = CustomerColumns(),
        WorkingViews = CustomerWorkingViews(logicalName == TableNames.Contact ? "fullname" : "name"),
        Sections =
        [
            new("lifecycle", Label.Of("Lifecycle", "Ciclo de vida"),
                ["cx_lifecyclestage", "cx_lifecyclestagechangedon", "cx_istarget", "cx_profilecompleteness", "cx_lastinteractionon",
                    "cx_lastinteractionduration"]),
            new("loyalty", Label.Of("Loyalty", "Fidelización"),
                ["cx_loyaltytierid", "cx_tierupgradedon", "cx_tiervaliduntil", "cx_tierfloorid", "cx_pointsbalance", "cx_pendingpoints",
                    "cx_qualifyingpoints", "cx_upgradeblocked", "cx_upgradeblockedreason", "cx_loyaltyblocked",
                    "cx_loyaltyoverridereason"]),
            new("value", Label.Of("Value (RFM and CLV)", "Valor (RFM y CLV)"),
                ["cx_customersegmentid", "cx_recencyscore", "cx_frequencyscore", "cx_monetaryscore", "cx_rfmscore", "cx_clv",
                    "cx_totalrevenue", "cx_totalprofit", "cx_purchasecount", "cx_lastpurchaseon"]),
            new("consent", Label.Of("Consent", "Consentimiento"), ["cx_consentprofiling", "cx_consentpreferences", "cx_consentmarketing"]),
        ],
        // The member card other forms show for their customer: tier and its end, balances, stage, the NPS answer behind the band.
        QuickViewColumns = ["cx_loyaltytierid", "cx_tiervaliduntil", "cx_pointsbalance", "cx_pendingpoints", "cx_upgradeblocked",
            "cx_lifecyclestage",
            "cx_latestnpsscore"],
        // The member's history where the agent works: points movements, vouchers, interactions, surveys, offers and stage changes.
        Subgrids =
        [
            new("subgrid_ledger", Label.Of("Points movements", "Movimientos de puntos"), "cx_loyaltytransaction", "cx_customerid"),
            new("subgrid_redemptions", Label.Of("Reward redemptions", "Canjes de recompensas"), "cx_rewardredemption", "cx_customerid"),
            new("subgrid_interactions", Label.Of("Interactions", "Interacciones"), "cx_interaction", "cx_customerid"),
            new("subgrid_surveys", Label.Of("Satisfaction surveys", "Encuestas de satisfacción"), "cx_satisfactionsurvey", "cx_customerid"),
            new("subgrid_offers", Label.Of("Cross-sell offers", "Ofertas de venta cruzada"), "cx_crossselloffer", "cx_customerid"),
            new("subgrid_transitions", Label.Of("Lifecycle transitions", "Transiciones del ciclo de vida"), "cx_lifecycletransition",
                "cx_customerid"),
        ],
    };

    private static IReadOnlyList<WorkingView> CustomerWorkingViews(string name) =>
    [
        new("mycustomersatrisk", Label.Of("My customers at risk", "Mis clientes en riesgo"),
            Label.Of("Customers I own whose lifecycle stage is at risk, longest without a purchase first.",
                "Clientes míos en la etapa en riesgo, primero los que llevan más tiempo sin comprar."),
            [name, "cx_lifecyclestage", "cx_lastpurchaseon", "cx_lastinteractionon", "cx_loyaltytierid", "cx_pointsbalance"],
            [new("ownerid", "eq-userid"), new("cx_lifecyclestage", "eq", GlobalChoices.Value(GlobalChoices.LifecycleStage, "At risk"))],
            new("cx_lastpurchaseon")),
        new("tierupgradesthismonth", Label.Of("Tier upgrades this month", "Subidas de nivel de este mes"),
            Label.Of("Members who moved up a tier this calendar month, latest first.",
                "Miembros que subieron de nivel en este mes natural, los más recientes primero."),
            [name, "cx_loyaltytierid", "cx_tierupgradedon", "cx_tiervaliduntil", "cx_pointsbalance"],
            [new("cx_tierupgradedon", "this-month")],
            new("cx_tierupgradedon", Descending: true)),
    ];

    private static IReadOnlyList<Column> CustomerColumns() =>
    [
        Pick("cx_LifecycleStage", "Lifecycle stage", "Etapa del ciclo de vida", GlobalChoices.LifecycleStage,
            "Where the customer is, from prospect to advocate.", "Dónde está el cliente, de prospecto a prescriptor.").Calculated(),
        DateTime("cx_LifecycleStageChangedOn", "Stage changed on", "Etapa cambiada el", "When the lifecycle stage last changed.",
            "Cuándo cambió por última vez la etapa.").Calculated(),
        Lookup("cx_LoyaltyTierId", "Loyalty tier", "Nivel de fidelización", "cx_loyaltytier", CascadeRule.Restrict,
            "The customer's current tier.", "El nivel actual del cliente.").Calculated(),
        DateTime("cx_TierUpgradedOn", "Tier upgraded on", "Nivel subido el", "When the member last moved up a tier.",
            "Cuándo subió de nivel el miembro por última vez.").Calculated(),
        Date("cx_TierValidUntil", "Tier valid until", "Nivel válido hasta", "Last day of the current tier, before any grace.",
            "Último día del nivel actual, sin contar la gracia.").Calculated(),
        Lookup("cx_TierFloorId", "Tier floor", "Nivel mínimo garantizado", "cx_loyaltytier", CascadeRule.Restrict,
            "A tier granted by hand; the customer never drops below it.", "Un nivel concedido manualmente; el cliente nunca baja de él."),
        Whole("cx_PointsBalance", "Available points", "Puntos disponibles", 0, int.MaxValue, "Points the customer can redeem now.",
            "Puntos que el cliente puede canjear ahora.").Calculated(),
        Whole("cx_PendingPoints", "Pending points", "Puntos pendientes", 0, int.MaxValue, "Points waiting for the return window to pass.",
            "Puntos a la espera de que pase el plazo de devolución.").Calculated(),
        Whole("cx_QualifyingPoints", "Qualifying points", "Puntos de calificación", int.MinValue, int.MaxValue,
            "Points earned in the qualification window.", "Puntos acumulados en la ventana de calificación.").Calculated(),
        Whole("cx_PointsDebt", "Points owed", "Puntos adeudados", 0, int.MaxValue,
            "Points reversed by a return after they were spent; the next points earned pay them off first.",
            "Puntos revertidos por una devolución después de gastarlos; los próximos puntos ganados los saldan primero.").Calculated(),
        Money("cx_WindowSpend", "Spend (qualification window)", "Gasto (ventana de calificación)",
            "Paid purchases in the tier qualification window, net of returns.",
            "Compras pagadas en la ventana de calificación de niveles, descontadas las devoluciones.").Calculated(),
        Whole("cx_WindowPurchases", "Purchases (qualification window)", "Compras (ventana de calificación)", 0, int.MaxValue,
            "Paid invoices in the tier qualification window.", "Facturas pagadas en la ventana de calificación de niveles.").Calculated(),
        DateTime("cx_WindowOldestOn", "Oldest purchase in window", "Compra más antigua en la ventana",
            "When the oldest purchase that still counts for the tier was paid; the window figures change when it leaves.",
            "Cuándo se pagó la compra más antigua que aún cuenta para el nivel; las cifras de la ventana cambian cuando sale.")
            .Calculated(),
        DateTime("cx_LedgerKeptOn", "Points kept on", "Puntos calculados el",
            "When the product last worked out this member's points and window figures.",
            "Cuándo calculó el producto por última vez los puntos y las cifras de la ventana de este miembro.").Calculated(),
        YesNo("cx_UpgradeBlocked", "Upgrade blocked", "Subida bloqueada", "A recent detractor survey blocks tier upgrades.",
            "Una encuesta reciente de detractor bloquea las subidas de nivel.").Calculated(),
        Text("cx_UpgradeBlockedReason", "Why upgrade is blocked", "Por qué está bloqueada la subida", 400,
            "The survey and date that block the upgrade.", "La encuesta y la fecha que bloquean la subida.").Calculated(),
        YesNo("cx_LoyaltyBlocked", "Blocked from loyalty", "Excluido de fidelización", "The customer earns and redeems no points.",
            "El cliente no acumula ni canjea puntos."),
        Text("cx_LoyaltyOverrideReason", "Why the tier floor or block was set", "Por qué se fijó el nivel mínimo o la exclusión", 1000,
            "Required when a loyalty administrator changes the tier floor or the block; kept with the customer.",
            "Obligatorio cuando un administrador de fidelización cambia el nivel mínimo o la exclusión; se conserva con el cliente."),
        Lookup("cx_CustomerSegmentId", "Segment", "Segmento", "cx_customersegment", CascadeRule.RemoveLink,
            "Group from the latest portfolio analysis.", "Grupo del último análisis de cartera.").Calculated(),
        Whole("cx_RecencyScore", "Recency score", "Puntuación de recencia", 1, 5, "1-5 quintile; 5 bought most recently.",
            "Quintil 1-5; 5 compró más recientemente.").Calculated(),
        Whole("cx_FrequencyScore", "Frequency score", "Puntuación de frecuencia", 1, 5, "1-5 quintile of purchase count.",
            "Quintil 1-5 del número de compras.").Calculated(),
        Whole("cx_MonetaryScore", "Monetary score", "Puntuación monetaria", 1, 5, "1-5 quintile of revenue.",
            "Quintil 1-5 de los ingresos.").Calculated(),
        Whole("cx_RfmScore", "RFM score", "Puntuación RFM", 111, 555, "The three scores as one number, for example 545.",
            "Las tres puntuaciones como un número, por ejemplo 545.").Calculated(),
        Money("cx_Clv", "Lifetime value", "Valor de vida del cliente", "Historic customer lifetime value.",
            "Valor de vida histórico del cliente.").Calculated().Secured(),
        Money("cx_TotalRevenue", "Revenue (window)", "Ingresos (ventana)", "Revenue from paid invoices in the analysis window.",
            "Ingresos de facturas pagadas en la ventana del análisis.").Calculated(),
        Money("cx_TotalProfit", "Profit (window)", "Beneficio (ventana)", "Profit from paid invoices in the analysis window.",
            "Beneficio de facturas pagadas en la ventana del análisis.").Calculated().Secured(),
        Whole("cx_PurchaseCount", "Purchases (window)", "Compras (ventana)", 0, int.MaxValue, "Paid invoices in the analysis window.",
            "Facturas pagadas en la ventana del análisis.").Calculated(),
        DateTime("cx_LastPurchaseOn", "Last purchase", "Última compra", "Latest paid invoice.", "Última factura pagada.").Calculated(),
        YesNo("cx_IsTarget", "Target customer", "Cliente objetivo", "In a segment of the target base.",
            "En un segmento de la base objetivo.").Calculated(),
        Whole("cx_ProfileCompleteness", "Profile completeness (%)", "Perfil completo (%)", 0, 100,
            "How many of the eight 'who is the customer' questions the data answers.",
            "Cuántas de las ocho preguntas '¿quién es el cliente?' responden los datos.").Calculated(),
        DateTime("cx_LastInteractionOn", "Last interaction", "Última interacción", "When we last interacted.",
            "Cuándo interactuamos por última vez.").Calculated(),
        Whole("cx_LastInteractionDuration", "Last interaction duration (minutes)", "Duración de la última interacción (minutos)", 0, 1440,
            "How long the last interaction took.", "Cuánto duró la última interacción.").Calculated(),
        YesNo("cx_ConsentProfiling", "Consent: profiling", "Consentimiento: perfilado", "The customer allows scoring and segmentation.",
            "El cliente permite la puntuación y la segmentación."),
        YesNo("cx_ConsentPreferences", "Consent: preferences", "Consentimiento: preferencias",
            "The customer allows us to record preferences.", "El cliente permite registrar sus preferencias."),
        YesNo("cx_ConsentMarketing", "Consent: marketing", "Consentimiento: marketing", "The customer allows offers and member lists.",
            "El cliente permite ofertas y listas de miembros."),
        Whole("cx_PaidInvoiceCount", "Paid invoices (lifecycle)", "Facturas pagadas (ciclo de vida)", 0, int.MaxValue,
            "Paid, not cancelled invoices ever, kept by the invoice steps for the lifecycle stage.",
            "Facturas pagadas y no canceladas desde siempre, mantenidas por los pasos de factura para la etapa del ciclo de vida.")
            .Calculated(),
        Memo("cx_RecentPaidInvoices", "Recent paid invoices", "Facturas pagadas recientes", 100000,
            "Paid invoices of the lifecycle window and the latest one (invoice|paid on), kept by the invoice steps.",
            "Facturas pagadas de la ventana del ciclo de vida y la última (factura|pagada el), mantenidas por los pasos de factura.")
            .Calculated(),
        Whole("cx_LatestNpsScore", "Latest NPS answer", "Última respuesta NPS", 0, 10,
            "The customer's latest NPS answer to a post-sale survey.", "La última respuesta NPS del cliente a una encuesta posventa.")
            .Calculated(),
    ];
}
