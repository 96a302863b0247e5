using System;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Loyalty.Surveys;

/// <summary>Something the survey loop asks the plugin layer to do; pure data.</summary>
public abstract record SurveyConsequence(Guid CustomerId);

/// <summary>A task for the customer's owner; <see cref="Key"/> makes it one task per survey.</summary>
public sealed record RetentionTask(Guid CustomerId, Guid? OwnerId, string Key, LocalizedText Subject) : SurveyConsequence(CustomerId);

/// <summary>Flag the journey at risk: the one for <see cref="FamilyId"/>, or all the customer's journeys when unknown.</summary>
public sealed record JourneyAtRisk(Guid CustomerId, Guid? FamilyId) : SurveyConsequence(CustomerId);

/// <summary>Record the detractor date on the customer; tier evaluation then holds back upgrades for the block days.</summary>
public sealed record UpgradeBlock(Guid CustomerId, DateTime DetractorOn) : SurveyConsequence(CustomerId);

/// <summary>A positive answer moves the journey on (phase I → II).</summary>
public sealed record JourneyPositive(Guid CustomerId, Guid? FamilyId) : SurveyConsequence(CustomerId);

/// <summary>A promoter feeds the Advocate stage of the five-step process (product requirement).</summary>
public sealed record AdvocateSignal(Guid CustomerId, Guid SurveyId) : SurveyConsequence(CustomerId);
