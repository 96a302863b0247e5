namespace Crm.Extensions.Emulator.Observability;

/// <summary>One execution of a registered step, in firing order.</summary>
public sealed record FiredStep(string PluginType, string Message, string PrimaryEntity, int Stage, int Mode, int Depth, int Rank,
    string StepName)
{
    public bool IsAsync => Mode == 1;

    public override string ToString() => $"{PluginType} {Message} {PrimaryEntity} stage {Stage} depth {Depth}{(IsAsync ? " async" : "")}";
}
