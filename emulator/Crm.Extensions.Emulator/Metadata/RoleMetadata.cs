using System;
using System.Collections.Generic;

namespace Crm.Extensions.Emulator.Metadata;

/// <summary>How far a privilege reaches, as a role grants it: own rows, the business unit, it and its children, or everything.</summary>
public enum PrivilegeDepth
{
    Basic = 1,
    Local = 2,
    Deep = 3,
    Global = 4,
}

/// <summary>A security role: privilege names (prvCreatecx_interaction, lower-cased) and the depth each is granted at.</summary>
public sealed record RoleMetadata(Guid Id, string Name)
{
    public Dictionary<string, PrivilegeDepth> Privileges { get; } = new(StringComparer.OrdinalIgnoreCase);
}
