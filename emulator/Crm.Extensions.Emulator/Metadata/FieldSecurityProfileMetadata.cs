using System;
using System.Collections.Generic;

namespace Crm.Extensions.Emulator.Metadata;

/// <summary>CanRead/CanCreate/CanUpdate as in the solution: 0 not allowed, 4 allowed.</summary>
public sealed record FieldPermission(string Table, string Column, bool CanRead, bool CanCreate, bool CanUpdate);

public sealed record FieldSecurityProfileMetadata(Guid Id, string Name)
{
    public List<FieldPermission> Permissions { get; } = new();
}
