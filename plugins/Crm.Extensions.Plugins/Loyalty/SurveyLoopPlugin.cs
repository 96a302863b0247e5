using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>
/// The post-sale survey loop on <c>cx_satisfactionsurvey</c>. Sync PreOperation: refuse out-of-range scores (en/es) and
/// stamp the NPS class, with no request. Async PostOperation: the consequences (retention task, journey at risk, upgrade
/// block; or journey positive and the Advocate signal), all idempotent.
/// </summary>
public sealed class SurveyLoopPlugin : PluginBase
{
    public SurveyLoopPlugin(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.On(SdkMessage.Create, SatisfactionSurvey.EntityLogicalName, PipelineStage.PreOperation),
            SurveyAnswerHandler.Validate);
        Register(
            StepDeclaration.On(SdkMessage.Update, SatisfactionSurvey.EntityLogicalName, PipelineStage.PreOperation)
                .Filter(SurveyRows.AnswerColumns)
                .WithPreImage(SurveyRows.ImageColumns),
            SurveyAnswerHandler.Validate);
        Register(
            StepDeclaration.On(SdkMessage.Create, SatisfactionSurvey.EntityLogicalName, PipelineStage.PostOperation).Async()
                .WithPostImage(SurveyRows.ImageColumns),
            SurveyAnswerHandler.FollowUp);
        Register(
            StepDeclaration.On(SdkMessage.Update, SatisfactionSurvey.EntityLogicalName, PipelineStage.PostOperation).Async()
                .Filter(SurveyRows.AnswerColumns)
                .WithPostImage(SurveyRows.ImageColumns),
            SurveyAnswerHandler.FollowUp);
    }
}
