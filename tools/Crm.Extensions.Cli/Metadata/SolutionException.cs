using System;

namespace Crm.Extensions.Cli.Metadata;

/// <summary>Bad input the user can fix: the message says what and where. The CLI prints it and exits non-zero.</summary>
public sealed class SolutionException : Exception
{
    public SolutionException(string message)
        : base(message)
    {
    }

    public SolutionException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public SolutionException()
    {
    }
}
