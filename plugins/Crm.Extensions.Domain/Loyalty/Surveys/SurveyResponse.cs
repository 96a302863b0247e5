using System;

namespace Crm.Extensions.Domain.Loyalty.Surveys;

/// <summary>A <c>cx_satisfactionsurvey</c> answer, about an invoice, an order or a case.</summary>
public sealed record SurveyResponse(Guid SurveyId, Guid CustomerId, DateTime RespondedOn)
{
    /// <summary>The customer's owner, who gets the retention task.</summary>
    public Guid? OwnerId { get; init; }

    public Guid? InvoiceId { get; init; }

    public Guid? OrderId { get; init; }

    public Guid? CaseId { get; init; }

    /// <summary>The product family the surveyed purchase belongs to, when known: the journey to flag.</summary>
    public Guid? FamilyId { get; init; }

    public bool? ExperiencePositive { get; init; }

    public bool? AfterSalesGood { get; init; }

    /// <summary>Net Promoter answer, 0–10.</summary>
    public int? Nps { get; init; }

    /// <summary>Customer satisfaction, 1–5.</summary>
    public int? Csat { get; init; }

    public string? Comments { get; init; }
}
