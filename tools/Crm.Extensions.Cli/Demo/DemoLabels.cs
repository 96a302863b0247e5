using System.Collections.Generic;

namespace Crm.Extensions.Cli.Demo;

/// <summary>The report's words in English and Spanish, taken from solution/GLOSSARY.md where the glossary has the term.</summary>
public sealed class DemoLabels(bool spanish)
{
    private static readonly Dictionary<string, string> Spanish = new()
    {
        ["Crm.Extensions demo"] = "Demostración de Crm.Extensions",
        ["A synthetic company lived through the product's real entry points on the emulator."] =
            "Una empresa sintética vivida a través de los puntos de entrada reales del producto en el emulador.",
        ["customers"] = "clientes",
        ["months"] = "meses",
        ["seed"] = "semilla",
        ["business events"] = "eventos de negocio",
        ["requests"] = "solicitudes",
        ["1. Portfolio analysis"] = "1. Análisis de cartera",
        ["RFM grid: customers by recency (rows, 5 = most recent) and frequency (columns)"] =
            "Cuadrícula RFM: clientes por recencia (filas, 5 = más reciente) y frecuencia (columnas)",
        ["Recency"] = "Recencia",
        ["Frequency"] = "Frecuencia",
        ["Profit by customer segment"] = "Beneficio por segmento de clientes",
        ["Pareto curve: share of profit made by the top customers"] = "Curva de Pareto: parte del beneficio de los mejores clientes",
        ["top % of customers"] = "% superior de clientes",
        ["Target base"] = "Base objetivo",
        ["Lifetime value by customer segment (average)"] = "Valor de vida del cliente por segmento (media)",
        ["Customer segment"] = "Segmento de clientes",
        ["Target segment"] = "Segmento objetivo",
        ["Profit"] = "Beneficio",
        ["Revenue"] = "Ingresos",
        ["Lifetime value"] = "Valor de vida del cliente",
        ["5. Lifecycle management"] = "5. Gestión del ciclo de vida",
        ["Lifecycle stage per month"] = "Etapa del ciclo de vida por mes",
        ["Lifecycle transitions"] = "Transiciones de ciclo de vida",
        ["From"] = "Desde",
        ["To"] = "Hasta",
        ["Count"] = "Número",
        ["Acquisition, retention and churn (KPI snapshots)"] = "Captación, retención y abandono (instantáneas de KPI)",
        ["New customers"] = "Clientes nuevos",
        ["Retention rate %"] = "Tasa de retención %",
        ["Churn rate %"] = "Tasa de abandono %",
        ["Loyalty cycle"] = "Ciclo de fidelización",
        ["Members per loyalty tier"] = "Miembros por nivel de fidelización",
        ["Tier changes per month"] = "Cambios de nivel por mes",
        ["Upgrades"] = "Subidas",
        ["Downgrades"] = "Bajadas",
        ["Points earned, redeemed and expired per month"] = "Puntos ganados, canjeados y vencidos por mes",
        ["Earned"] = "Ganados",
        ["Redeemed"] = "Canjeados",
        ["Expired"] = "Vencidos",
        ["Points liability (available + pending points owed)"] = "Pasivo de puntos (puntos disponibles y pendientes)",
        ["Redemption rate"] = "Tasa de canje",
        ["Reward redemptions"] = "Canjes de recompensa",
        ["Refused redemptions"] = "Canjes rechazados",
        ["Loyalty journeys per product family and phase"] = "Recorridos de fidelización por familia de productos y fase",
        ["Product family"] = "Familia de productos",
        ["I - Knowledge"] = "I - Conocimiento",
        ["II - Growth"] = "II - Crecimiento",
        ["III - Retention"] = "III - Retención",
        ["Post-sale"] = "Posventa",
        ["NPS of the satisfaction surveys answered each month"] = "NPS de las encuestas de satisfacción respondidas cada mes",
        ["Tasks opened by the product per month (greetings, expiry warnings, call-backs)"] =
            "Tareas abiertas por el producto cada mes (felicitaciones, avisos de vencimiento, devoluciones de llamada)",
        ["Platform cost"] = "Coste en la plataforma",
        ["Requests the plugins made per business event"] = "Solicitudes de los complementos por evento de negocio",
        ["Business event"] = "Evento de negocio",
        ["Mean"] = "Media",
        ["Max"] = "Máximo",
        ["Budget"] = "Presupuesto",
        ["Plugin steps by requests made"] = "Pasos de complemento por solicitudes realizadas",
        ["Step"] = "Paso",
        ["Executions"] = "Ejecuciones",
        ["CRM strategy"] = "Estrategia CRM",
        ["Current step"] = "Paso actual",
        ["Blocked by"] = "Bloqueada por",
        ["No data in this run."] = "Sin datos en esta ejecución.",
        ["Prospect"] = "Prospecto",
        ["New"] = "Nuevo",
        ["Repeat"] = "Recurrente",
        ["Loyal"] = "Fiel",
        ["Advocate"] = "Prescriptor",
        ["AtRisk"] = "En riesgo",
        ["Lapsed"] = "Perdido",
        ["invoice paid (first purchase)"] = "factura pagada (primera compra)",
        ["invoice paid (returning customer)"] = "factura pagada (cliente que repite)",
        ["ledger run"] = "proceso nocturno de puntos",
        ["ledger run (nothing due)"] = "proceso nocturno de puntos (nada que procesar)",
        ["tier evaluation (no change)"] = "evaluación de niveles (sin cambios)",
        ["birthdays"] = "cumpleaños",
        ["tier evaluation"] = "evaluación de niveles",
        ["lifecycle evaluation"] = "evaluación del ciclo de vida",
        ["KPI snapshot"] = "instantánea de KPI",
        ["portfolio analysis"] = "análisis de cartera",
        ["portfolio analysis (RequestBudget)"] = "análisis de cartera (RequestBudget)",
        ["strategy step"] = "paso de la estrategia",
        ["redemption"] = "canje",
        ["Option1PortfolioAnalysis"] = "1. Análisis de cartera",
        ["Option2CustomerIntimacy"] = "2. Intimidad con el cliente",
        ["Option3NetworkDevelopment"] = "3. Desarrollo de la red",
        ["Option4ValueProposition"] = "4. Propuesta de valor",
        ["Option5LifecycleManagement"] = "5. Gestión del ciclo de vida",
    };

    private static readonly Dictionary<string, string> English = new()
    {
        ["AtRisk"] = "At risk",
        ["Option1PortfolioAnalysis"] = "1. Portfolio analysis",
        ["Option2CustomerIntimacy"] = "2. Customer intimacy",
        ["Option3NetworkDevelopment"] = "3. Network development",
        ["Option4ValueProposition"] = "4. Value proposition",
        ["Option5LifecycleManagement"] = "5. Lifecycle management",
    };

    public string Language => spanish ? "es" : "en";

    /// <summary>The label in the report's language; a term without a translation shows as it is (names of rows, for example).</summary>
    public string this[string english] =>
        (spanish ? Spanish : English).TryGetValue(english, out var label) ? label : english;
}
