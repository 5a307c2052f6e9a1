namespace CqlConnector.Cluster.Metadata;

/// <summary>A secondary index of a table.</summary>
public sealed class IndexMetadata
{
    /// <summary>Creates the description of an index.</summary>
    public IndexMetadata(string name, string target, IndexKind kind, IReadOnlyDictionary<string, string> options)
    {
        Name = name;
        Target = target;
        Kind = kind;
        Options = options;
    }

    /// <summary>The index's name.</summary>
    public string Name { get; }

    /// <summary>
    /// What is indexed, as CQL writes it in <c>CREATE INDEX</c>: a column name, or for collections
    /// <c>keys(c)</c>, <c>entries(c)</c> or <c>full(c)</c>.
    /// </summary>
    public string Target { get; }

    /// <summary>How the index is implemented.</summary>
    public IndexKind Kind { get; }

    /// <summary>The index's options (for a custom index, <c>class_name</c> among them).</summary>
    public IReadOnlyDictionary<string, string> Options { get; }

    /// <summary>For a custom index, its Java class; otherwise null.</summary>
    public string? CustomClassName => Options.TryGetValue("class_name", out var name) ? name : null;
}
