using Crm.Extensions.Plugins.Loyalty;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.CustomApis;

/// <summary>The contract of cx_GetPointsStatement; its handler is <see cref="GetPointsStatement"/>.</summary>
public static class GetPointsStatementApi
{
    public const string UniqueName = "cx_GetPointsStatement";

    public static readonly CustomApiDefinition Definition = new(
        UniqueName,
        typeof(GetPointsStatement),
        displayName: new(
            "Get points statement",
            "Obtener extracto de puntos"),
        description: new(
            "The customer's points ledger, oldest entry first, with the running balance after each entry and each entry's " +
            "state. Read as the caller.",
            "El libro de puntos del cliente, del movimiento más antiguo al más reciente, con el saldo acumulado tras cada " +
            "uno y su estado. Se lee como quien llama."),
        executePrivilegeName: "prvReadcx_LoyaltyTransaction",
        request: [Request.Customer],
        response: [Response.ClosingBalance, Response.Lines])
    {
        IsFunction = true,
    };

    public static class Request
    {
        public static readonly RequestParameter<EntityReference> Customer = SharedParameters.Customer(new(
            "The contact or account whose statement is read.",
            "El contacto o la cuenta cuyo extracto se lee."));
    }

    public static class Response
    {
        public static readonly ResponseProperty<int> ClosingBalance = new(
            nameof(ClosingBalance),
            displayName: new(
                "Closing balance",
                "Saldo final"),
            description: new(
                "The running balance after the last entry (the sum of all entries).",
                "El saldo acumulado tras el último movimiento (la suma de todos)."));

        public static readonly ResponseProperty<EntityCollection> Lines = new(
            nameof(Lines),
            displayName: new(
                "Lines",
                "Líneas"),
            description: new(
                "One row per ledger entry, oldest first: entryid, occurredon, entrytype, state, points, runningbalance, reason, source.",
                "Una fila por movimiento, del más antiguo al más reciente: entryid, occurredon, entrytype, state, points, " +
                "runningbalance, reason, source."));
    }
}
