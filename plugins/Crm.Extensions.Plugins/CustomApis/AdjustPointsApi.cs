using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Plugins.Loyalty;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.CustomApis;

/// <summary>The contract of cx_AdjustPoints; its handler is <see cref="AdjustPoints"/>.</summary>
public static class AdjustPointsApi
{
    public const string UniqueName = "cx_AdjustPoints";

    public static readonly CustomApiDefinition Definition = new(
        UniqueName,
        typeof(AdjustPoints),
        displayName: new(
            "Adjust points",
            "Ajustar puntos"),
        description: new(
            "Adds or removes loyalty points by hand, with a reason and a note: the one guarded path for manual changes to a member's " +
            "points. The balance is updated in the same transaction.",
            "Suma o retira puntos de fidelización a mano, con un motivo y una nota: la única vía protegida para cambiar a mano los " +
            "puntos de un socio. El saldo se actualiza en la misma transacción."),
        executePrivilegeName: "prvCreatecx_loyaltytransaction",
        request: [Request.Customer, Request.Note, Request.Points, Request.ReasonCode],
        response: [Response.Balance, Response.Entry]);

    public static class Request
    {
        public static readonly RequestParameter<EntityReference> Customer = SharedParameters.Customer(new(
            "The contact or account whose points are adjusted.",
            "El contacto o la cuenta cuyos puntos se ajustan."));

        public static readonly RequestParameter<string> Note = new(
            nameof(Note),
            isOptional: false,
            displayName: new(
                "Note",
                "Nota"),
            description: new(
                "A note that explains the adjustment (up to 400 characters), kept on the ledger entry.",
                "Una nota que explica el ajuste (hasta 400 caracteres), que se guarda en el movimiento."));

        public static readonly RequestParameter<int?> Points = new(
            nameof(Points),
            isOptional: false,
            displayName: new(
                "Points",
                "Puntos"),
            description: new(
                "Points to add (positive) or remove (negative); not zero, at most the program maximum.",
                "Puntos que se suman (positivo) o se retiran (negativo); distinto de cero, como mucho el máximo del programa."));

        public static readonly RequestParameter<OptionSetValue> ReasonCode = new(
            nameof(ReasonCode),
            isOptional: false,
            displayName: new(
                "Reason",
                "Motivo"),
            description: new(
                "Why the points are adjusted (cx_adjustmentreason).",
                "Por qué se ajustan los puntos (cx_adjustmentreason)."));
    }

    public static class Response
    {
        public static readonly ResponseProperty<int> Balance = new(
            nameof(Balance),
            displayName: new(
                "Balance",
                "Saldo"),
            description: new(
                "The member's available points after the adjustment.",
                "Los puntos disponibles del socio tras el ajuste."));

        public static readonly ResponseProperty<EntityReference> Entry = new(
            nameof(Entry),
            displayName: new(
                "Entry",
                "Movimiento"),
            description: new(
                "The cx_loyaltytransaction (Adjust) written.",
                "El cx_loyaltytransaction (ajuste) escrito."));
    }
}
