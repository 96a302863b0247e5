using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain.Loyalty.Surveys;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Loyalty;

internal static class SurveyAnswerHandler
{
    /// <summary>PreOperation: SurveyValidator refuses bad scores; an answered survey gets its class, status and date on Target.</summary>
    public static void Validate(PluginContext context)
    {
        var response = SurveyRows.Response(context.Execution.PrimaryEntityId, context.Target, context.PreImage, context.Clock.UtcNow);
        SurveyValidator.EnsureValid(response);
        if (!SurveyRows.IsAnswered(response)) return;

        context.Target[SatisfactionSurvey.Fields.NpsCategory] = new OptionSetValue((int)SurveyRows.CategoryOf(SurveyClassifier.Classify(response)));
        context.Target[SatisfactionSurvey.Fields.SurveyStatus] = new OptionSetValue((int)SatisfactionSurvey.SurveyStatusChoice.Answered);
        if (context.PreImage?.GetAttributeValue<System.DateTime?>(SatisfactionSurvey.Fields.AnsweredOn) is null && !context.Target.Contains(SatisfactionSurvey.Fields.AnsweredOn))
        {
            context.Target[SatisfactionSurvey.Fields.AnsweredOn] = context.Clock.UtcNow;
        }
    }

    /// <summary>Async: SurveyLoop decides the consequences of the answer; SurveyConsequenceWriter writes them (idempotent).</summary>
    public static void FollowUp(PluginContext context)
    {
        var image = context.PostImage;
        var customer = image?.GetAttributeValue<EntityReference>(SatisfactionSurvey.Fields.CustomerId);
        if (image is null || customer is null) return;

        var response = SurveyRows.Response(context.Execution.PrimaryEntityId, image, null, context.Clock.UtcNow);
        if (!SurveyRows.IsAnswered(response)) return;
        // Request: Update — the latest NPS kept on the customer for the invoice-paid step's lifecycle facts (no query there).
        if (response.Nps is { } nps && response.InvoiceId is not null) PurchaseFactsColumns.WriteLatestNps(context.SystemService, customer, nps);
        var consequences = SurveyLoop.ConsequencesOf(response);
        SurveyConsequenceWriter.Apply(context.SystemService, consequences, customer, context.Clock.UtcNow, context.Settings);
    }
}
