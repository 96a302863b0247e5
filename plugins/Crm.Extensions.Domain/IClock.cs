using System;

namespace Crm.Extensions.Domain;

/// <summary>The only way business rules learn the time, so tests can travel in time.</summary>
public interface IClock
{
    DateTime UtcNow { get; }
}
