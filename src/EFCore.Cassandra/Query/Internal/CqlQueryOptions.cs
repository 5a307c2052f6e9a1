using System.Globalization;

using CqlConnector;

namespace EntityFrameworkCore.Cassandra.Query.Internal;

/// <summary>
/// What the Cassandra query extensions asked for (<c>AllowFiltering</c>, <c>WithConsistency</c>, <c>WithPageSize</c>,
/// <c>PerPartitionLimit</c>, <c>ToPageAsync</c>), collected while the query is compiled.
/// </summary>
/// <remarks>
/// The options travel from translation to CQL generation as query tags with a private prefix, the one extensible part
/// of a <c>SelectExpression</c> that reaches the SQL generator; the generator never prints them as comments.
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public sealed record CqlQueryOptions
{
    /// <summary>The prefix of the tags that carry options (a control character no user tag starts with).</summary>
    public const string TagPrefix = "\u001Fcql:";

    private const string AllowFilteringTag = TagPrefix + "allow-filtering";
    private const string ConsistencyTag = TagPrefix + "consistency=";
    private const string PageSizeTag = TagPrefix + "page-size=";
    private const string PerPartitionLimitTag = TagPrefix + "per-partition-limit=";
    private const string PageRequestTag = TagPrefix + "page-request=";

    /// <summary>No option set.</summary>
    public static readonly CqlQueryOptions None = new();

    /// <summary>Whether the query may filter (<c>ALLOW FILTERING</c>).</summary>
    public bool AllowFiltering { get; init; }

    /// <summary>The consistency level, or null for the connection's.</summary>
    public ConsistencyLevel? Consistency { get; init; }

    /// <summary>The page size, or null for the connection's.</summary>
    public int? PageSize { get; init; }

    /// <summary>The <c>PER PARTITION LIMIT</c>, or null.</summary>
    public int? PerPartitionLimit { get; init; }

    /// <summary>The name of the query parameter whose value is the <see cref="CqlPageRequest"/>, or null.</summary>
    public string? PageRequestParameter { get; init; }

    /// <summary>Whether anything affects how the command is sent (rather than its text).</summary>
    public bool AffectsCommand => Consistency is not null || PageSize is not null || PageRequestParameter is not null;

    /// <summary>The tags that carry these options.</summary>
    public IEnumerable<string> ToTags()
    {
        if (AllowFiltering)
        {
            yield return AllowFilteringTag;
        }

        if (Consistency is { } consistency)
        {
            yield return ConsistencyTag + consistency;
        }

        if (PageSize is { } pageSize)
        {
            yield return PageSizeTag + pageSize.ToString(CultureInfo.InvariantCulture);
        }

        if (PerPartitionLimit is { } limit)
        {
            yield return PerPartitionLimitTag + limit.ToString(CultureInfo.InvariantCulture);
        }

        if (PageRequestParameter is { } parameter)
        {
            yield return PageRequestTag + parameter;
        }
    }

    /// <summary>Reads the options back from a query's tags.</summary>
    public static CqlQueryOptions FromTags(IEnumerable<string> tags)
    {
        var options = None;
        foreach (var tag in tags)
        {
            if (!tag.StartsWith(TagPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            options = tag switch
            {
                AllowFilteringTag => options with { AllowFiltering = true },
                _ when tag.StartsWith(ConsistencyTag, StringComparison.Ordinal)
                    => options with { Consistency = Enum.Parse<ConsistencyLevel>(tag[ConsistencyTag.Length..]) },
                _ when tag.StartsWith(PageSizeTag, StringComparison.Ordinal)
                    => options with { PageSize = int.Parse(tag[PageSizeTag.Length..], CultureInfo.InvariantCulture) },
                _ when tag.StartsWith(PerPartitionLimitTag, StringComparison.Ordinal)
                    => options with { PerPartitionLimit = int.Parse(tag[PerPartitionLimitTag.Length..], CultureInfo.InvariantCulture) },
                _ when tag.StartsWith(PageRequestTag, StringComparison.Ordinal)
                    => options with { PageRequestParameter = tag[PageRequestTag.Length..] },
                _ => options,
            };
        }

        return options;
    }

    /// <summary>Whether a tag carries an option (and is therefore not printed as a comment).</summary>
    public static bool IsOptionTag(string tag) => tag.StartsWith(TagPrefix, StringComparison.Ordinal);
}
