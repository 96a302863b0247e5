namespace Crm.Extensions.Emulator.Observability;

/// <summary>What a plugin wrote to ITracingService during one execution.</summary>
public sealed record TraceEntry(FiredStep Step, string Text);
