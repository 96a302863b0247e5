using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Plugins.Propositions;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.CustomApis;

/// <summary>The contract of cx_GetNextBestOffer; its handler is <see cref="GetNextBestOffer"/>.</summary>
public static class GetNextBestOfferApi
{
    public const string UniqueName = "cx_GetNextBestOffer";

    public static readonly CustomApiDefinition Definition = new(
        UniqueName,
        typeof(GetNextBestOffer),
        displayName: new(
            "Get next best offer",
            "Obtener la siguiente mejor oferta"),
        description: new(
            "The best active value proposition for the customer's segment, excluding products already bought.",
            "La mejor propuesta de valor activa para el segmento del cliente, sin los productos ya comprados."),
        executePrivilegeName: "prvReadcx_ValueProposition",
        request: [Request.Customer],
        response: [Response.OfferText, Response.Proposition]);

    public static class Request
    {
        public static readonly RequestParameter<EntityReference> Customer = SharedParameters.Customer(new(
            "The contact or account to make an offer to.",
            "El contacto o la cuenta a quien hacer la oferta."));
    }

    public static class Response
    {
        public static readonly ResponseProperty<string> OfferText = new(
            nameof(OfferText),
            displayName: new(
                "OfferText",
                "Texto de la oferta"),
            description: new(
                "The text to present to the customer.",
                "El texto que presentar al cliente."));

        public static readonly ResponseProperty<EntityReference> Proposition = new(
            nameof(Proposition),
            displayName: new(
                "Proposition",
                "Propuesta"),
            description: new(
                "The proposition to offer; empty when none fits.",
                "La propuesta que ofrecer; vacío si ninguna encaja."));
    }
}
