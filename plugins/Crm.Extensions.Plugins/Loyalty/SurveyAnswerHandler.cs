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

        context.Target[SatisfactionSurvey.Fields.NpsCategory] = new OptionSetValue(
            (int)SurveyRows.CategoryOf(SurveyClassifier.Classify(response)));
        context.Target[SatisfactionSurvey.Fields.SurveyStatus] = new OptionSetValue((int)SatisfactionSurvey.SurveyStatusChoice.Answered);
        if (context.PreImage?.GetAttributeValue<System.DateTime?>(SatisfactionSurvey.Fields.AnsweredOn) is null
            && !context.Target.Contains(SatisfactionSurvey.Fields.AnsweredOn))
        {
            context.Target[SatisfactionSurvey.Fields.AnsweredOn] = context.Clock.UtcNow;
        }
    }

    /// <summary>Async: an answered survey's consequences (<see cref="Application.Loyalty.SurveyAnswered"/>).</summary>
    public static void FollowUp(PluginContext context)
    {
        var image = context.PostImage;
        var customer = image?.GetAttributeValue<EntityReference>(SatisfactionSurvey.Fields.CustomerId);
        if (image is null || customer is null) return;

        var response = SurveyRows.Response(context.Execution.PrimaryEntityId, image, null, context.Clock.UtcNow);
        if (!SurveyRows.IsAnswered(response)) return;
        Application.Loyalty.SurveyAnswered.Run(context, response, customer);
    }
}
