using Crm.Extensions.Dataverse.Inputs;
using Crm.Extensions.Plugins.CustomApis;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Propositions;

/// <summary>
/// cx_GetNextBestOffer(Customer): the best active proposition of the customer's segment, excluding products already bought.
/// </summary>
public sealed class GetNextBestOffer : PluginBase
{
    public const string ApiName = GetNextBestOfferApi.UniqueName;
    public const string CustomerParameter = nameof(GetNextBestOfferApi.Request.Customer);
    public const string PropositionOutput = nameof(GetNextBestOfferApi.Response.Proposition);
    public const string OfferTextOutput = nameof(GetNextBestOfferApi.Response.OfferText);

    public GetNextBestOffer(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(ApiName), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var customer = context.Input(GetNextBestOfferApi.Request.Customer);
        if (customer is not null) InputRules.ExistingRow(context.SystemService, CustomerParameter, customer, "contact", "account");
        var answer = Application.Propositions.GetNextBestOffer.Run(context, customer);
        context.SetOutput(GetNextBestOfferApi.Response.Proposition, answer.Proposition!);
        context.SetOutput(GetNextBestOfferApi.Response.OfferText, answer.OfferText);
    }
}
