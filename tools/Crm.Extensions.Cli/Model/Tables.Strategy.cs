using static Crm.Extensions.Cli.Model.Columns;

namespace Crm.Extensions.Cli.Model;

/// <summary>Steps 1 and 5 of the CRM process: strategy, portfolio analysis, segments, lifecycle history and KPIs.</summary>
internal static partial class CrmExtensionsModel
{
    private static Choice StrategyStep => GlobalChoices.Local("cx_crmstrategy_cx_currentstep", "Current step", "Paso actual",
        Label.Of("1. Portfolio analysis", "1. Análisis de cartera"), Label.Of("2. Customer intimacy", "2. Intimidad con el cliente"),
        Label.Of("3. Network development", "3. Desarrollo de la red"), Label.Of("4. Value proposition", "4. Propuesta de valor"),
        Label.Of("5. Lifecycle management", "5. Gestión del ciclo de vida"));

    private static Choice AnalysisStatus
        => GlobalChoices.Local("cx_portfolioanalysis_cx_analysisstatus", "Analysis status", "Estado del análisis",
        Label.Of("Queued", "En cola"), Label.Of("Running", "En curso"), Label.Of("Completed", "Completado"),
        Label.Of("Failed", "Con error"), Label.Of("Cancelled", "Cancelado"), Label.Of("Paused", "En pausa"));

    private static Choice TransitionTrigger => GlobalChoices.Local("cx_lifecycletransition_cx_trigger", "Trigger", "Desencadenante",
        Label.Of("Invoice paid", "Factura pagada"), Label.Of("Invoice cancelled", "Factura cancelada"),
        Label.Of("Batch evaluation", "Evaluación periódica"), Label.Of("Survey", "Encuesta"), Label.Of("Manual", "Manual"));

    private static Table CrmStrategy() => new("cx_CrmStrategy",
        Label.Of("CRM strategy", "Estrategia CRM"), Label.Of("CRM strategies", "Estrategias CRM"),
        Label.Of("Walks the five CRM steps with a gate between each.",
            "Recorre los cinco pasos del CRM con una validación entre cada uno."))
    {
        Gender = SpanishGender.Feminine,
        Columns =
        [
            Name("Name", "Nombre", "Name of the strategy.", "Nombre de la estrategia."),
            Pick("cx_CurrentStep", "Current step", "Paso actual", StrategyStep, "The CRM step the strategy is working on.",
                "El paso del CRM en el que trabaja la estrategia.").Required().Default(GlobalChoices.FirstValue).Calculated(),
            Memo("cx_Objective", "Objective", "Objetivo", 2000, "What the strategy wants to achieve, in the team's words.",
                "Lo que la estrategia quiere lograr, en palabras del equipo."),
            Date("cx_PeriodStart", "Period start", "Inicio del periodo", "First day the strategy covers.",
                "Primer día que cubre la estrategia."),
            Date("cx_PeriodEnd", "Period end", "Fin del periodo", "Last day the strategy covers.", "Último día que cubre la estrategia."),
            Lookup("cx_PortfolioAnalysisId", "Latest analysis", "Último análisis", "cx_portfolioanalysis", CascadeRule.RemoveLink,
                "The completed portfolio analysis that defines the target base.",
                "El análisis de cartera completado que define la base objetivo."),
            Lookup("cx_LatestKpiSnapshotId", "Latest KPI snapshot", "Última instantánea de KPI", "cx_kpisnapshot", CascadeRule.RemoveLink,
                "The KPI snapshot that measures the strategy.", "La instantánea de KPI que mide la estrategia.").Calculated(),
            Memo("cx_GateBlockers", "Open gate items", "Pendientes para avanzar", 4000,
                "What is missing before the strategy can advance to the next step.",
                "Lo que falta para que la estrategia avance al siguiente paso.").Calculated(),
        ],
        Sections =
        [
            new("strategy", Label.Of("Strategy", "Estrategia"), ["cx_name", "cx_currentstep", "cx_objective"]),
            new("period", Label.Of("Period", "Periodo"), ["cx_periodstart", "cx_periodend"]),
            new("evidence", Label.Of("Evidence for the gates", "Evidencias para avanzar"),
                ["cx_portfolioanalysisid", "cx_latestkpisnapshotid", "cx_gateblockers"]),
        ],
        ViewColumns = ["cx_currentstep", "cx_periodstart", "cx_periodend", "ownerid"],
    };

    private static Table PortfolioAnalysis() => new("cx_PortfolioAnalysis",
        Label.Of("Portfolio analysis", "Análisis de cartera"), Label.Of("Portfolio analyses", "Análisis de cartera"),
        Label.Of("A paged, resumable run that scores every customer (RFM, CLV) and finds the most profitable groups.",
            "Una ejecución paginada y reanudable que puntúa a cada cliente (RFM, CLV) y encuentra los grupos más rentables."))
    {
        Columns =
        [
            Name("Name", "Nombre", "Name of the analysis run.", "Nombre de la ejecución del análisis."),
            Pick("cx_AnalysisStatus", "Status", "Estado", AnalysisStatus, "Where the run is.", "En qué punto está la ejecución.").Required()
                .Default(GlobalChoices.FirstValue).Calculated(),
            Lookup("cx_CrmStrategyId", "CRM strategy", "Estrategia CRM", "cx_crmstrategy", CascadeRule.RemoveLink,
                "The strategy this analysis serves.", "La estrategia a la que sirve este análisis."),
            Whole("cx_WindowMonths", "Window (months)", "Ventana (meses)", 1, 120, "How many months of paid invoices the analysis reads.",
                "Cuántos meses de facturas pagadas lee el análisis.").Default(24),
            DateTime("cx_WindowStart", "Window start", "Inicio de la ventana", "First moment of behavioural data included.",
                "Primer momento de datos de comportamiento incluido.").Calculated(),
            DateTime("cx_WindowEnd", "Window end", "Fin de la ventana", "Last moment of behavioural data included.",
                "Último momento de datos de comportamiento incluido.").Calculated(),
            Decimal("cx_ParetoThreshold", "Target profit share (%)", "Cuota de beneficio objetivo (%)", 1, 100, 2,
                "Cumulative profit share the target segments must reach.",
                "Cuota acumulada de beneficio que deben alcanzar los segmentos objetivo."),
            Decimal("cx_ProgressPercent", "Progress (%)", "Progreso (%)", 0, 100, 2, "Share of the work done.",
                "Parte del trabajo realizada.").Calculated(),
            Whole("cx_CustomerCount", "Customers", "Clientes", 0, int.MaxValue, "Customers in the analysed base.",
                "Clientes de la base analizada.").Calculated(),
            Whole("cx_ProcessedCount", "Processed", "Procesados", 0, int.MaxValue, "Customers scored so far.",
                "Clientes puntuados hasta ahora.").Calculated(),
            Whole("cx_ChangedCount", "Changed", "Modificados", 0, int.MaxValue, "Customers whose scores changed and were written.",
                "Clientes cuyas puntuaciones cambiaron y se escribieron.").Calculated(),
            Money("cx_TotalRevenue", "Total revenue", "Ingresos totales", "Revenue of the analysed base in the window.",
                "Ingresos de la base analizada en la ventana.").Calculated(),
            Money("cx_TotalProfit", "Total profit", "Beneficio total", "Profit of the analysed base in the window.",
                "Beneficio de la base analizada en la ventana.").Calculated(),
            DateTime("cx_StartedOn", "Started on", "Iniciado el", "When the run started.", "Cuándo empezó la ejecución.").Calculated(),
            DateTime("cx_CompletedOn", "Completed on", "Completado el", "When the run finished.", "Cuándo terminó la ejecución.")
                .Calculated(),
            // 1,048,576 is the most a multiple-lines text column holds; the reading units keep the base's summary here.
            Memo("cx_Cursor", "Resume cursor", "Cursor de reanudación", 1048576,
                "Paging position and the summary of the base read so far, so an interrupted run resumes where it stopped.",
                "Posición de paginación y resumen de la base leída hasta ahora, para que una ejecución interrumpida siga donde se "
                    + "detuvo.").Calculated()
                with { IsInternal = true },
            Memo("cx_ErrorMessage", "Error", "Error", 4000, "Why the run failed, when it did.", "Por qué falló la ejecución, si falló.")
                .Calculated(),
        ],
        Sections =
        [
            new("scope", Label.Of("Scope", "Alcance"),
                ["cx_name", "cx_crmstrategyid", "cx_windowmonths", "cx_paretothreshold", "cx_windowstart", "cx_windowend"]),
            new("progress", Label.Of("Progress", "Progreso"),
                ["cx_analysisstatus", "cx_progresspercent", "cx_customercount", "cx_processedcount", "cx_changedcount", "cx_startedon",
                    "cx_completedon"]),
            new("results", Label.Of("Results", "Resultados"), ["cx_totalrevenue", "cx_totalprofit"]),
            // The resume cursor is the batch's paging position: internal, so it is not on the form.
            new("diagnostics", Label.Of("Diagnostics", "Diagnóstico"), ["cx_errormessage"]),
        ],
        ViewColumns = ["cx_analysisstatus", "cx_progresspercent", "cx_customercount", "cx_completedon"],
        Sort = new("createdon", Descending: true),
        WorkingViews =
        [
            new("inprogress", Label.Of("Analyses in progress", "Análisis en curso"),
                Label.Of("Queued, running or paused runs, newest first.",
                    "Ejecuciones en cola, en curso o en pausa, las más recientes primero."),
                ["cx_name", "cx_analysisstatus", "cx_progresspercent", "cx_processedcount", "cx_customercount", "cx_startedon"],
                [
                    new("cx_analysisstatus", "in", GlobalChoices.Value(AnalysisStatus, "Queued"),
                        GlobalChoices.Value(AnalysisStatus, "Running"),
                    GlobalChoices.Value(AnalysisStatus, "Paused"))],
                new("createdon", Descending: true)),
        ],
    };

    private static Table CustomerSegment() => new("cx_CustomerSegment",
        Label.Of("Customer segment", "Segmento de clientes"), Label.Of("Customer segments", "Segmentos de clientes"),
        Label.Of("A group of customers (customer type × RFM segment) with its profit, from one portfolio analysis.",
            "Un grupo de clientes (tipo de cliente × segmento RFM) con su beneficio, de un análisis de cartera."))
    {
        Ownership = Ownership.Organization,
        Columns =
        [
            Name("Name", "Nombre", "Name of the segment.", "Nombre del segmento."),
            Pick("cx_SegmentCode", "RFM segment", "Segmento RFM", GlobalChoices.RfmSegment, "Segment of the recency-frequency grid.",
                "Segmento de la matriz recencia-frecuencia.").Required(),
            Pick("cx_CustomerType", "Customer type", "Tipo de cliente", GlobalChoices.CustomerType,
                "Whether the group holds people or organizations.", "Si el grupo contiene personas u organizaciones.").Required(),
            Lookup("cx_PortfolioAnalysisId", "Portfolio analysis", "Análisis de cartera", "cx_portfolioanalysis", CascadeRule.Parental,
                "The analysis that computed this group.", "El análisis que calculó este grupo.").Required(),
            Whole("cx_CustomerCount", "Customers", "Clientes", 0, int.MaxValue, "Customers in the group.", "Clientes del grupo.")
                .Calculated(),
            Money("cx_Revenue", "Revenue", "Ingresos", "Revenue of the group in the analysis window.",
                "Ingresos del grupo en la ventana del análisis.").Calculated(),
            Money("cx_Profit", "Profit", "Beneficio", "Profit of the group in the analysis window.",
                "Beneficio del grupo en la ventana del análisis.").Calculated(),
            Decimal("cx_ProfitShare", "Profit share (%)", "Cuota de beneficio (%)", -1000, 1000, 2, "The group's share of total profit.",
                "La cuota del grupo en el beneficio total.").Calculated(),
            YesNo("cx_IsTarget", "Target segment", "Segmento objetivo",
                "Part of the smallest set of groups that reaches the target profit share.",
                "Parte del menor conjunto de grupos que alcanza la cuota de beneficio objetivo.").Calculated(),
        ],
        Sections =
        [
            new("segment", Label.Of("Segment", "Segmento"), ["cx_name", "cx_segmentcode", "cx_customertype", "cx_portfolioanalysisid"]),
            new("profitability", Label.Of("Profitability", "Rentabilidad"),
                ["cx_customercount", "cx_revenue", "cx_profit", "cx_profitshare", "cx_istarget"]),
        ],
        ViewColumns = ["cx_segmentcode", "cx_customertype", "cx_customercount", "cx_profitshare", "cx_istarget"],
        Keys = [
            new("cx_AnalysisSegmentType", Label.Of("Analysis, segment and type", "Análisis, segmento y tipo"),
                ["cx_portfolioanalysisid", "cx_segmentcode", "cx_customertype"])],
    };

    private static Table LifecycleTransition() => new("cx_LifecycleTransition",
        Label.Of("Lifecycle transition", "Transición de ciclo de vida"), Label.Of("Lifecycle transitions", "Transiciones de ciclo de vida"),
        Label.Of("One change of a customer's lifecycle stage, with its reason and trigger.",
            "Un cambio de etapa del ciclo de vida de un cliente, con su motivo y desencadenante."))
    {
        Gender = SpanishGender.Feminine,
        Columns =
        [
            Name("Name", "Nombre", "Summary of the change.", "Resumen del cambio."),
            Customer("cx_CustomerId", "Customer", "Cliente", CascadeRule.Parental, "The customer whose stage changed.",
                "El cliente cuya etapa cambió."),
            Pick("cx_FromStage", "From stage", "Etapa anterior", GlobalChoices.LifecycleStage,
                "Stage before the change; empty for the first stage.", "Etapa antes del cambio; vacía para la primera etapa."),
            Pick("cx_ToStage", "To stage", "Etapa nueva", GlobalChoices.LifecycleStage, "Stage after the change.",
                "Etapa después del cambio.").Required(),
            Pick("cx_Trigger", "Trigger", "Desencadenante", TransitionTrigger, "What caused the change.", "Qué provocó el cambio.")
                .Required(),
            Text("cx_Reason", "Reason", "Motivo", 400, "Why the rules moved the customer.", "Por qué las reglas movieron al cliente.")
                .Required(),
            DateTime("cx_TransitionedOn", "Changed on", "Cambiado el", "When the stage changed.", "Cuándo cambió la etapa.").Required(),
            Text("cx_SourceKey", "Source key", "Clave de origen", 200,
                "Identifies the event that caused the change, so a replay writes nothing twice.",
                "Identifica el evento que causó el cambio, para que una repetición no escriba dos veces."),
        ],
        Sections =
        [
            new("change", Label.Of("Change", "Cambio"), ["cx_name", "cx_customerid", "cx_fromstage", "cx_tostage", "cx_transitionedon"]),
            // The source key is the replay guard of the writer: internal, so it is not on the form.
            new("cause", Label.Of("Cause", "Causa"), ["cx_trigger", "cx_reason"]),
        ],
        ViewColumns = ["cx_customerid", "cx_fromstage", "cx_tostage", "cx_trigger", "cx_transitionedon"],
        Sort = new("cx_transitionedon", Descending: true),
        FindColumns = ["cx_reason"],
        Keys = [new("cx_TransitionSourceKey", Label.Of("Source key", "Clave de origen"), ["cx_sourcekey"])],
    };

    private static Table KpiSnapshot() => new("cx_KpiSnapshot",
        Label.Of("KPI snapshot", "Instantánea de KPI"), Label.Of("KPI snapshots", "Instantáneas de KPI"),
        Label.Of("The CRM strategy's measures for one period, written once per period.",
            "Las medidas de la estrategia CRM de un periodo, escritas una vez por periodo."))
    {
        Gender = SpanishGender.Feminine,
        Ownership = Ownership.Organization,
        Columns =
        [
            Name("Name", "Nombre", "Name of the snapshot.", "Nombre de la instantánea."),
            Text("cx_Period", "Period", "Periodo", 20, "Period code, for example 2026-05; one snapshot per period.",
                "Código de periodo, por ejemplo 2026-05; una instantánea por periodo.").Required(),
            Date("cx_PeriodStart", "Period start", "Inicio del periodo", "First day of the period.", "Primer día del periodo.").Required(),
            Date("cx_PeriodEnd", "Period end", "Fin del periodo", "Last day of the period.", "Último día del periodo.").Required(),
            Lookup("cx_CrmStrategyId", "CRM strategy", "Estrategia CRM", "cx_crmstrategy", CascadeRule.RemoveLink, "The strategy measured.",
                "La estrategia medida."),
            Whole("cx_NewCustomers", "New customers", "Clientes nuevos", 0, int.MaxValue, "Customers acquired in the period.",
                "Clientes captados en el periodo.").Calculated(),
            Whole("cx_ActiveCustomers", "Active customers", "Clientes activos", 0, int.MaxValue, "Customers with a purchase in the period.",
                "Clientes con una compra en el periodo.").Calculated(),
            Decimal("cx_RetentionRate", "Retention rate (%)", "Tasa de retención (%)", 0, 100, 2,
                "Share of the period's starting customers who bought again.",
                "Parte de los clientes iniciales del periodo que volvieron a comprar.").Calculated(),
            Decimal("cx_ChurnRate", "Churn rate (%)", "Tasa de abandono (%)", 0, 100, 2,
                "Share of the period's starting customers who lapsed.",
                "Parte de los clientes iniciales del periodo que dejaron de comprar.").Calculated(),
            Money("cx_AverageClv", "Average CLV", "CLV medio", "Average customer lifetime value.", "Valor de vida medio del cliente.")
                .Calculated(),
            Decimal("cx_Nps", "NPS", "NPS", -100, 100, 2, "Net promoter score of the period's surveys.",
                "Net promoter score de las encuestas del periodo.").Calculated(),
            Decimal("cx_TargetRevenueShare", "Target base revenue share (%)", "Cuota de ingresos de la base objetivo (%)", 0, 100, 2,
                "Share of revenue that came from target customers.", "Parte de los ingresos que vino de clientes objetivo.").Calculated(),
            Decimal("cx_NetworkCoverage", "Network coverage (%)", "Cobertura de la red (%)", 0, 100, 2,
                "Share of target segments served by at least one healthy critical partner.",
                "Parte de los segmentos objetivo atendidos por al menos un socio crítico sano.").Calculated(),
        ],
        Sections =
        [
            new("period", Label.Of("Period", "Periodo"), ["cx_name", "cx_period", "cx_periodstart", "cx_periodend", "cx_crmstrategyid"]),
            new("acquisition", Label.Of("Acquisition and retention", "Captación y retención"),
                ["cx_newcustomers", "cx_activecustomers", "cx_retentionrate", "cx_churnrate"]),
            new("value", Label.Of("Value and satisfaction", "Valor y satisfacción"),
                ["cx_averageclv", "cx_nps", "cx_targetrevenueshare", "cx_networkcoverage"]),
        ],
        ViewColumns = ["cx_period", "cx_newcustomers", "cx_retentionrate", "cx_churnrate", "cx_nps"],
        Sort = new("cx_periodstart", Descending: true),
        FindColumns = ["cx_period"],
        Keys = [new("cx_KpiPeriod", Label.Of("Period", "Periodo"), ["cx_period"])],
    };
}
