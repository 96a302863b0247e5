namespace Crm.Extensions.Domain.Lifecycle;

/// <summary>What caused an evaluation; only <see cref="ScheduledEvaluation"/> may move a customer into a time-based stage.</summary>
public enum LifecycleTrigger
{
    InvoicePaid = 1,
    InvoiceCancelled = 2,
    ScheduledEvaluation = 3,
    SurveyResponse = 4,
}
