using Crm.Extensions.Dataverse.Inputs;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Propositions;

/// <summary>cx_GetNextBestOffer(Customer): the best active proposition of the customer's segment, excluding products already bought.</summary>
public sealed class GetNextBestOffer : PluginBase
{
    public const string ApiName = "cx_GetNextBestOffer";
    public const string CustomerParameter = "Customer";
    public const string PropositionOutput = "Proposition";
    public const string OfferTextOutput = "OfferText";

    public GetNextBestOffer(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(ApiName), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var customer = context.Input<EntityReference>(CustomerParameter);
        if (customer is not null) InputRules.ExistingRow(context.SystemService, CustomerParameter, customer, "contact", "account");
        var answer = Application.Propositions.GetNextBestOffer.Run(context, customer);
        context.SetOutput(PropositionOutput, answer.Proposition!);
        context.SetOutput(OfferTextOutput, answer.OfferText);
    }
}
