using System.Linq;
using static Crm.Extensions.Cli.Model.Columns;

namespace Crm.Extensions.Cli.Model;

/// <summary>
/// Choices that several tables share, so they are global option sets. Values start at the publisher prefix 58670 × 10000.
/// </summary>
internal static class GlobalChoices
{
    public const int FirstValue = 586700000;

    public static readonly Choice LifecycleStage = new(
        "cx_lifecyclestage", Label.Of("Lifecycle stage", "Etapa del ciclo de vida"),
        Label.Of("Where the customer is in the relationship, from prospect to advocate.",
            "Dónde está el cliente en la relación, de prospecto a prescriptor."),
        Options(FirstValue,
            Label.Of("Prospect", "Prospecto"), Label.Of("New", "Nuevo"), Label.Of("Repeat", "Recurrente"), Label.Of("Loyal", "Fiel"),
            Label.Of("Advocate", "Prescriptor"), Label.Of("At risk", "En riesgo"), Label.Of("Lapsed", "Perdido")),
        IsGlobal: true);

    public static readonly Choice LoyaltyPhase = new(
        "cx_loyaltyphase", Label.Of("Loyalty phase", "Fase de fidelización"),
        Label.Of("Phase of the loyalty cycle for one product family: knowledge, growth, retention.",
            "Fase del ciclo de fidelización de una familia de productos: conocimiento, crecimiento, retención."),
        Options(FirstValue,
            Label.Of("I - Knowledge", "I - Conocimiento"), Label.Of("II - Growth", "II - Crecimiento"),
            Label.Of("III - Retention", "III - Retención")),
        IsGlobal: true);

    public static readonly Choice PartnerType = new(
        "cx_partnertype", Label.Of("Partner type", "Tipo de socio"),
        Label.Of("Role a partner plays in serving the target customers.", "Papel que cumple un socio al servir a los clientes objetivo."),
        Options(FirstValue,
            Label.Of("Supplier", "Proveedor"), Label.Of("Investor", "Inversor"), Label.Of("Distributor", "Distribuidor"),
            Label.Of("Employee", "Empleado"), Label.Of("Service partner", "Socio de servicio"), Label.Of("Other", "Otro")),
        IsGlobal: true);

    public static readonly Choice InteractionChannel = new(
        "cx_interactionchannel", Label.Of("Interaction channel", "Canal de interacción"),
        Label.Of("How the customer reached us or we reached the customer.", "Cómo nos contactó el cliente o cómo lo contactamos."),
        Options(FirstValue,
            Label.Of("Phone", "Teléfono"), Label.Of("Email", "Correo electrónico"), Label.Of("In person", "En persona"),
            Label.Of("Web", "Web"), Label.Of("Social media", "Redes sociales"), Label.Of("Chat", "Chat"), Label.Of("Store", "Tienda")),
        IsGlobal: true);

    public static readonly Choice InteractionKind = new(
        "cx_interactionkind", Label.Of("Interaction data kind", "Tipo de dato de la interacción"),
        Label.Of("Behavioural data comes from transactions; preference data from surveys and profiles.",
            "Los datos de comportamiento vienen de transacciones; los de preferencia, de encuestas y perfiles."),
        Options(FirstValue, Label.Of("Behavioural", "Comportamiento"), Label.Of("Preference", "Preferencia")),
        IsGlobal: true);

    public static readonly Choice LedgerEntryType = new(
        "cx_ledgerentrytype", Label.Of("Ledger entry type", "Tipo de movimiento"),
        Label.Of("Why points moved.", "Por qué se movieron los puntos."),
        Options(FirstValue,
            Label.Of("Earn", "Acumulación"), Label.Of("Redeem", "Canje"), Label.Of("Expire", "Vencimiento"),
            Label.Of("Reverse", "Reversión"),
            Label.Of("Adjust", "Ajuste"), Label.Of("Bonus", "Bonificación"), Label.Of("Refund", "Reembolso")),
        IsGlobal: true);

    public static readonly Choice LedgerEntryStatus = new(
        "cx_ledgerentrystatus", Label.Of("Ledger entry status", "Estado del movimiento"),
        Label.Of("Pending points vest after the return window; available points can be redeemed or expire.",
            "Los puntos pendientes se liberan tras el plazo de devolución; los disponibles se canjean o vencen."),
        Options(FirstValue,
            Label.Of("Pending", "Pendiente"), Label.Of("Available", "Disponible"), Label.Of("Redeemed", "Canjeado"),
            Label.Of("Expired", "Vencido"), Label.Of("Reversed", "Revertido"), Label.Of("Adjusted", "Ajustado")),
        IsGlobal: true);

    public static readonly Choice AdjustmentReason = new(
        "cx_adjustmentreason", Label.Of("Adjustment reason", "Motivo del ajuste"),
        Label.Of("Why a loyalty administrator added or removed points by hand.",
            "Por qué un administrador de fidelización sumó o retiró puntos a mano."),
        Options(FirstValue,
            Label.Of("Goodwill", "Cortesía"), Label.Of("Correction", "Corrección"),
            Label.Of("Service recovery", "Recuperación del servicio"),
            Label.Of("Fraud", "Fraude"), Label.Of("Migration", "Migración"), Label.Of("Other", "Otro")),
        IsGlobal: true);

    public static readonly Choice RewardType = new(
        "cx_rewardtype", Label.Of("Reward type", "Tipo de recompensa"),
        Label.Of("What the member receives when redeeming.", "Lo que recibe el miembro al canjear."),
        Options(FirstValue,
            Label.Of("Percentage discount", "Descuento porcentual"), Label.Of("Fixed voucher", "Vale de importe fijo"),
            Label.Of("Free product", "Producto gratuito"), Label.Of("Price list upgrade", "Mejora de lista de precios"),
            Label.Of("Event invitation", "Invitación a evento")),
        IsGlobal: true);

    public static readonly Choice ExpiryPolicy = new(
        "cx_expirypolicy", Label.Of("Expiry policy", "Política de vencimiento"),
        Label.Of("When earned points expire.", "Cuándo vencen los puntos acumulados."),
        Options(FirstValue,
            Label.Of("After N days", "Tras N días"), Label.Of("End of month", "Fin de mes"), Label.Of("End of year", "Fin de año"),
            Label.Of("Never", "Nunca")),
        IsGlobal: true);

    public static readonly Choice RfmSegment = new(
        "cx_rfmsegment", Label.Of("RFM segment", "Segmento RFM"),
        Label.Of("Segment of the recency-frequency grid.", "Segmento de la matriz recencia-frecuencia."),
        Options(FirstValue,
            Label.Of("Champions", "Campeones"), Label.Of("Loyal", "Fieles"), Label.Of("Potential loyalists", "Potencialmente fieles"),
            Label.Of("New", "Nuevos"), Label.Of("Promising", "Prometedores"), Label.Of("Need attention", "Requieren atención"),
            Label.Of("About to sleep", "A punto de dormir"), Label.Of("At risk", "En riesgo"),
            Label.Of("Can't lose", "No se pueden perder"),
            Label.Of("Hibernating", "Hibernando"), Label.Of("Prospect", "Prospecto")),
        IsGlobal: true);

    public static readonly Choice CustomerType = new(
        "cx_customertype", Label.Of("Customer type", "Tipo de cliente"),
        Label.Of("Person (contact) or organization (account).", "Persona (contacto) u organización (cuenta)."),
        Options(FirstValue, Label.Of("Person", "Persona"), Label.Of("Organization", "Organización")),
        IsGlobal: true);

    public static readonly Choice[] All =
    [
        LifecycleStage, LoyaltyPhase, PartnerType, InteractionChannel, InteractionKind, LedgerEntryType, LedgerEntryStatus,
        RewardType, ExpiryPolicy, RfmSegment, CustomerType, AdjustmentReason,
    ];

    /// <summary>The value of an option, by its English label, as views and filters write it.</summary>
    public static string Value(Choice choice, string english) =>
        choice.Options.Single(o => o.Label.En == english).Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A choice used by one column only.</summary>
    public static Choice Local(string name, string en, string es, params Label[] labels) =>
        new(name, Label.Of(en, es), Label.Of(en, es), Options(FirstValue, labels), IsGlobal: false);
}
