using System;
using Crm.Extensions.Domain.Loyalty.Surveys;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>Reads a <c>cx_satisfactionsurvey</c> row (Target over its image) as the domain's <see cref="SurveyResponse"/>.</summary>
public static class SurveyRows
{
    /// <summary>The answer columns: the filter of the Update steps and the columns of their images.</summary>
    public static readonly string[] AnswerColumns =
    {
        SatisfactionSurvey.Fields.NpsScore, SatisfactionSurvey.Fields.CsatScore,
        SatisfactionSurvey.Fields.ExperiencePositive, SatisfactionSurvey.Fields.AfterSalesGood,
    };

    public static readonly string[] ImageColumns =
    {
        SatisfactionSurvey.Fields.NpsScore, SatisfactionSurvey.Fields.CsatScore, SatisfactionSurvey.Fields.ExperiencePositive,
        SatisfactionSurvey.Fields.AfterSalesGood, SatisfactionSurvey.Fields.CustomerId, SatisfactionSurvey.Fields.OwnerId,
        SatisfactionSurvey.Fields.InvoiceId, SatisfactionSurvey.Fields.AnsweredOn,
    };

    /// <summary>Values of <paramref name="target"/> win over <paramref name="image"/> (the row before the change).</summary>
    public static SurveyResponse Response(Guid surveyId, Entity target, Entity? image, DateTime on)
    {
        if (target is null) throw new ArgumentNullException(nameof(target));
        T? Read<T>(string column) => target.Contains(column) ? target.GetAttributeValue<T>(column) : image is null
            ? default : image.GetAttributeValue<T>(column);
        return new SurveyResponse(surveyId, Read<EntityReference>(SatisfactionSurvey.Fields.CustomerId)?.Id ?? Guid.Empty,
            Read<DateTime?>(SatisfactionSurvey.Fields.AnsweredOn) ?? on)
        {
            OwnerId = Read<EntityReference>(SatisfactionSurvey.Fields.OwnerId)?.Id,
            InvoiceId = Read<EntityReference>(SatisfactionSurvey.Fields.InvoiceId)?.Id,
            ExperiencePositive = YesNo(Read<OptionSetValue>(SatisfactionSurvey.Fields.ExperiencePositive),
                (int)SatisfactionSurvey.ExperiencePositiveChoice.Yes),
            AfterSalesGood = YesNo(Read<OptionSetValue>(SatisfactionSurvey.Fields.AfterSalesGood),
                (int)SatisfactionSurvey.AfterSalesGoodChoice.Yes),
            Nps = Read<int?>(SatisfactionSurvey.Fields.NpsScore),
            Csat = Read<int?>(SatisfactionSurvey.Fields.CsatScore),
        };
    }

    /// <summary>A Yes/No answer column: null until the customer answers (a choice, so "not answered" is not "No").</summary>
    private static bool? YesNo(OptionSetValue? answer, int yes) => answer is null ? null : answer.Value == yes;

    /// <summary>True when the customer gave any answer (a score or a yes/no).</summary>
    public static bool IsAnswered(SurveyResponse response) =>
        response.Nps is not null || response.Csat is not null || response.ExperiencePositive is not null
            || response.AfterSalesGood is not null;

    public static SatisfactionSurvey.NpsCategoryChoice CategoryOf(SurveyClass survey) => survey switch
    {
        SurveyClass.Detractor => SatisfactionSurvey.NpsCategoryChoice.Detractor,
        SurveyClass.Promoter => SatisfactionSurvey.NpsCategoryChoice.Promoter,
        _ => SatisfactionSurvey.NpsCategoryChoice.Passive,
    };
}
