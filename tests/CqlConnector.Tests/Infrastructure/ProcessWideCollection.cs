namespace CqlConnector.Tests.Infrastructure;

/// <summary>
/// Tests that block the whole thread pool for a moment: they run alone, after the parallel ones, so that the requests
/// of other tests (and the in-process fake servers, which run on the pool) do not time out meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideCollection
{
    public const string Name = "process-wide thread pool";
}
