using System;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain.Loyalty.Surveys;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application.Loyalty;

/// <summary>
/// A survey answered, after commit: the latest NPS kept on the customer (for the invoice-paid step's lifecycle facts), then
/// the consequences SurveyLoop decides (retention task, journey at risk, upgrade block; or journey positive and the Advocate
/// signal), written idempotently by <see cref="SurveyConsequenceWriter"/>.
/// </summary>
public static class SurveyAnswered
{
    public static void Run(IUseCaseContext context, SurveyResponse response, EntityReference customer)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        if (response is null) throw new ArgumentNullException(nameof(response));
        context.UseCase = nameof(SurveyAnswered);
        // Request: Update — the latest NPS kept on the customer for the invoice-paid step's lifecycle facts (no query there).
        if (response.Nps is { } nps && response.InvoiceId is not null)
            PurchaseFactsColumns.WriteLatestNps(context.SystemService, customer, nps);
        var consequences = SurveyLoop.ConsequencesOf(response);
        SurveyConsequenceWriter.Apply(context.SystemService, consequences, customer, context.Clock.UtcNow, context.Settings);
    }
}
