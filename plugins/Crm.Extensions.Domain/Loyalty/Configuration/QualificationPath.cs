namespace Crm.Extensions.Domain.Loyalty.Configuration;

public enum QualificationMeasure
{
    Spend = 1,
    QualifyingPoints = 2,
    TransactionCount = 3,
}

/// <summary>What a customer did inside the qualification window. Points are points *earned*, not the balance.</summary>
public sealed record QualificationMeasures(decimal Spend, int QualifyingPoints, int TransactionCount)
{
    public static QualificationMeasures None { get; } = new(0m, 0, 0);

    public decimal ValueOf(QualificationMeasure measure) => measure switch
    {
        QualificationMeasure.Spend => Spend,
        QualificationMeasure.QualifyingPoints => QualifyingPoints,
        _ => TransactionCount,
    };
}

/// <summary>One way into a tier: reach <see cref="Threshold"/> on <see cref="Measure"/> inside the window.</summary>
public sealed record QualificationPath(QualificationMeasure Measure, decimal Threshold)
{
    public bool IsMetBy(QualificationMeasures measures) => measures.ValueOf(Measure) >= Threshold;
}
