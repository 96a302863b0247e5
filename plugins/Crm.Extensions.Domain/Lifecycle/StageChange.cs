using System;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Lifecycle;

/// <summary>One cx_lifecycletransition row: produced only when the stage actually changes.</summary>
public sealed record StageChange(
    LifecycleStage From,
    LifecycleStage To,
    LocalizedText Reason,
    LifecycleTrigger Trigger,
    DateTime OccurredOnUtc);
