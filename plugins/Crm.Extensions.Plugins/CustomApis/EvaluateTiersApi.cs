using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Plugins.Loyalty;

namespace Crm.Extensions.Plugins.CustomApis;

/// <summary>The contract of cx_EvaluateTiers; its handler is <see cref="EvaluateTiers"/>.</summary>
public static class EvaluateTiersApi
{
    public const string UniqueName = "cx_EvaluateTiers";

    public static readonly CustomApiDefinition Definition = new(
        UniqueName,
        typeof(EvaluateTiers),
        displayName: new(
            "Evaluate tiers",
            "Evaluar niveles"),
        description: new(
            "Evaluates every member's tier for the period: downgrades after validity plus grace, requalification, top-profit guarantee, " +
            "manual floor, detractor block.",
            "Evalúa el nivel de cada socio en el periodo: bajadas tras la validez más la gracia, recalificación, garantía por máximo " +
            "beneficio, suelo manual y bloqueo por detractor."),
        executePrivilegeName: "prvWritecx_LoyaltyProgram",
        request: [Request.MaxChanges],
        response: [Response.Changed, Response.More]);

    public static class Request
    {
        public static readonly RequestParameter<int?> MaxChanges = new(
            nameof(MaxChanges),
            isOptional: true,
            displayName: new(
                "Max changes",
                "Máximo de cambios"),
            description: new(
                "Write at most this many members in this call; empty or 0 writes all. Call again while More is true.",
                "Escribe como máximo este número de socios en esta llamada; vacío o 0 escribe todos. Vuelva a llamar mientras More sea " +
                "verdadero."));
    }

    public static class Response
    {
        public static readonly ResponseProperty<int> Changed = new(
            nameof(Changed),
            displayName: new(
                "Changed",
                "Cambiados"),
            description: new(
                "Members whose tier standing changed in this run.",
                "Socios cuya situación de nivel cambió en esta ejecución."));

        public static readonly ResponseProperty<bool> More = new(
            nameof(More),
            displayName: new(
                "More",
                "Más"),
            description: new(
                "True when members with a change were left for the next call (only with MaxChanges).",
                "Verdadero cuando quedaron socios con cambios para la siguiente llamada (solo con MaxChanges)."));
    }
}
