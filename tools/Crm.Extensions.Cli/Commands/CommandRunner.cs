using System;
using Crm.Extensions.Cli.Metadata;

namespace Crm.Extensions.Cli.Commands;

/// <summary>
/// Turns a user-fixable <see cref="SolutionException"/> into a message on stderr and exit code 1; anything else is a bug and propagates.
/// </summary>
internal static class CommandRunner
{
    public const int Success = 0;
    public const int Failure = 1;

    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (SolutionException error)
        {
            Console.Error.WriteLine($"error: {error.Message}");
            return Failure;
        }
    }
}
