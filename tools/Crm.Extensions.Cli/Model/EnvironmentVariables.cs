using System.Collections.Generic;

namespace Crm.Extensions.Cli.Model;

public enum EnvironmentVariableType
{
    String = 100000000,
    Number = 100000001,
    Boolean = 100000002,
}

public sealed record EnvironmentVariable(string SchemaName, Label Display, Label Description, EnvironmentVariableType Type,
    string DefaultValue);

/// <summary>
/// Program defaults that an administrator tunes per environment; the defaults are listed in plugins/Crm.Extensions.Domain/THRESHOLDS.md and
/// Loyalty/DEFAULTS.md.
/// </summary>
internal static class EnvironmentVariables
{
    public static readonly IReadOnlyList<EnvironmentVariable> All =
    [
        Number("cx_AnalysisWindowMonths", "Analysis window (months)", "Ventana del análisis (meses)",
            "Months of paid invoices a portfolio analysis reads.", "Meses de facturas pagadas que lee un análisis de cartera.", "24"),
        Number("cx_ParetoThresholdPercent", "Target profit share (%)", "Cuota de beneficio objetivo (%)",
            "Cumulative profit share that defines the target base.", "Cuota acumulada de beneficio que define la base objetivo.", "80"),
        Number("cx_MinimumPropositionMarginPercent", "Minimum proposition margin (%)", "Margen mínimo de la propuesta (%)",
            "Company margin a value proposition needs to be activated.", "Margen que necesita una propuesta de valor para activarse.",
            "15"),
        Number("cx_ClvProfitMarginPercent", "CLV profit margin (%)", "Margen para el CLV (%)", "Margin used by the historic CLV formula.",
            "Margen que usa la fórmula histórica del CLV.", "10"),
        Number("cx_QualificationWindowMonths", "Tier qualification window (months)", "Ventana de calificación de nivel (meses)",
            "Default months a tier lasts and activity counts.", "Meses por defecto que dura un nivel y cuenta la actividad.", "12"),
        Number("cx_DowngradeGraceDays", "Downgrade grace (days)", "Gracia antes de bajar (días)",
            "Default days after tier expiry before a downgrade.", "Días por defecto tras vencer el nivel antes de bajarlo.", "30"),
        Number("cx_PendingDays", "Pending days", "Días pendientes", "Default days points stay pending (the return window).",
            "Días por defecto que los puntos quedan pendientes (plazo de devolución).", "14"),
        Number("cx_PointsExpiryDays", "Points expiry (days)", "Vencimiento de puntos (días)", "Default days until earned points expire.",
            "Días por defecto hasta que vencen los puntos.", "365"),
        Number("cx_ExpiryWarningDays", "Expiry warning (days)", "Aviso de vencimiento (días)",
            "Days before expiry when the owner is warned.", "Días antes del vencimiento en que se avisa al propietario.", "30"),
        Number("cx_VipTopProfitPercent", "VIP top-profit share (%)", "Cuota VIP más rentable (%)",
            "Most profitable share of customers guaranteed the VIP tier.", "Cuota más rentable de clientes con nivel VIP garantizado.",
            "5"),
        Number("cx_DetractorLookbackDays", "Detractor lookback (days)", "Retrospectiva de detractores (días)",
            "A detractor survey this recent blocks tier upgrades.",
            "Una encuesta de detractor así de reciente bloquea las subidas de nivel.", "90"),
        Number("cx_AtRiskAfterDays", "At risk after (days)", "En riesgo tras (días)",
            "Days without a purchase before a customer is at risk.", "Días sin compra antes de que un cliente esté en riesgo.", "180"),
        Number("cx_LapsedAfterDays", "Lapsed after (days)", "Perdido tras (días)", "Days without a purchase before a customer has lapsed.",
            "Días sin compra antes de que un cliente se dé por perdido.", "365"),
        Number("cx_RepeatMinimumPurchases", "Repeat from (purchases)", "Recurrente desde (compras)",
            "Paid purchases ever that make a customer Repeat.", "Compras pagadas que convierten a un cliente en recurrente.", "2"),
        Number("cx_LoyalMinimumPurchases", "Loyal from (purchases)", "Fiel desde (compras)",
            "Paid purchases in the loyal window that make a customer Loyal.",
            "Compras pagadas en la ventana de fidelidad que convierten a un cliente en fiel.", "4"),
        Number("cx_LoyalWindowMonths", "Loyal window (months)", "Ventana de fidelidad (meses)",
            "Months in which the loyal purchases are counted.", "Meses en los que se cuentan las compras de fidelidad.", "12"),
        Number("cx_PromoterMinimumScore", "Promoter from (NPS answer)", "Promotor desde (respuesta NPS)",
            "Lowest NPS answer (0-10) that counts as a promoter.", "Respuesta NPS más baja (0-10) que cuenta como promotor.", "9"),
        Number("cx_AdvocateMinimumPurchases", "Advocate from (purchases)", "Prescriptor desde (compras)",
            "Paid purchases a promoter needs to count as an Advocate.", "Compras pagadas que necesita un promotor para ser prescriptor.",
            "2"),
        Number("cx_ProfileCompletenessTarget", "Profile completeness target (%)", "Objetivo de perfil completo (%)",
            "Completeness a target customer's profile should reach.", "Completitud que debe alcanzar el perfil de un cliente objetivo.",
            "50"),
        Number("cx_HealthyPartnerScore", "Healthy partner score", "Puntuación de socio sano",
            "Health score from which a partner counts as healthy.", "Puntuación de salud a partir de la cual un socio se considera sano.",
            "60"),
    ];

    private static EnvironmentVariable Number(string schema, string en, string es, string descriptionEn, string descriptionEs,
        string value) =>
        new(schema, Label.Of(en, es), Label.Of(descriptionEn, descriptionEs), EnvironmentVariableType.Number, value);
}
