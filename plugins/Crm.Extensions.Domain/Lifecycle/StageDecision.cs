using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Lifecycle;

/// <summary>The stage the rules arrive at and the sentence that explains why.</summary>
public sealed record StageDecision(LifecycleStage Stage, LocalizedText Reason);
