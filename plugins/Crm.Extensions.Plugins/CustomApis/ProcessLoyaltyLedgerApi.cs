using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Plugins.Loyalty;

namespace Crm.Extensions.Plugins.CustomApis;

/// <summary>The contract of cx_ProcessLoyaltyLedger; its handler is <see cref="ProcessLoyaltyLedger"/>.</summary>
public static class ProcessLoyaltyLedgerApi
{
    public const string UniqueName = "cx_ProcessLoyaltyLedger";

    public static readonly CustomApiDefinition Definition = new(
        UniqueName,
        typeof(ProcessLoyaltyLedger),
        displayName: new(
            "Process loyalty ledger",
            "Procesar libro de puntos"),
        description: new(
            "Vests pending points, expires lapsed points and warns customers whose points expire soon. Running it again changes nothing " +
            "more.",
            "Consolida los puntos pendientes, da por vencidos los que llegaron a su vencimiento y avisa a los clientes cuyos " +
            "puntos vencen pronto. Volver a ejecutarlo no cambia nada más."),
        executePrivilegeName: "prvWritecx_LoyaltyProgram",
        request: [Request.MaxMembers],
        response: [Response.Expired, Response.Failed, Response.More, Response.Vested, Response.Warned]);

    public static class Request
    {
        public static readonly RequestParameter<int?> MaxMembers = new(
            nameof(MaxMembers),
            isOptional: true,
            displayName: new(
                "Max members",
                "Máximo de socios"),
            description: new(
                "Change at most this many members in this call; empty or 0 changes all. Call again while More is true.",
                "Cambia como máximo este número de socios en esta llamada; vacío o 0 cambia todos. Vuelva a llamar mientras More sea " +
                "verdadero."));
    }

    public static class Response
    {
        public static readonly ResponseProperty<int> Expired = new(
            nameof(Expired),
            displayName: new(
                "Expired",
                "Vencidos"),
            description: new(
                "Expire entries written in this run.",
                "Movimientos de vencimiento escritos en esta ejecución."));

        public static readonly ResponseProperty<int> Failed = new(
            nameof(Failed),
            displayName: new(
                "Failed",
                "Con error"),
            description: new(
                "Members whose ledger could not be worked out in this run; they were set aside (see the plug-in trace) and the others " +
                "processed.",
                "Socios cuyo libro de puntos no se pudo calcular en esta ejecución; se apartaron (vea el seguimiento del complemento) y " +
                "los demás se procesaron."));

        public static readonly ResponseProperty<bool> More = new(
            nameof(More),
            displayName: new(
                "More",
                "Más"),
            description: new(
                "True when members with something to change were left for the next call (only with MaxMembers); warnings are written by " +
                "the call that leaves nothing.",
                "Verdadero cuando quedaron socios con algo que cambiar para la siguiente llamada (solo con MaxMembers); los avisos los " +
                "escribe la llamada que no deja nada."));

        public static readonly ResponseProperty<int> Vested = new(
            nameof(Vested),
            displayName: new(
                "Vested",
                "Consolidados"),
            description: new(
                "Pending lots that became available in this run.",
                "Lotes pendientes que pasaron a disponibles en esta ejecución."));

        public static readonly ResponseProperty<int> Warned = new(
            nameof(Warned),
            displayName: new(
                "Warned",
                "Avisados"),
            description: new(
                "Expiry warnings (tasks) issued in this run.",
                "Avisos de vencimiento (tareas) emitidos en esta ejecución."));
    }
}
