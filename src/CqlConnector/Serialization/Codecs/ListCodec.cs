namespace CqlConnector.Serialization.Codecs;

/// <summary>
/// list&lt;T&gt;: read as List&lt;T'&gt; of the element's default CLR type, or as any of X[], List&lt;X&gt;,
/// IList&lt;X&gt;, IReadOnlyList&lt;X&gt;, IEnumerable&lt;X&gt;, HashSet&lt;X&gt;, ISet&lt;X&gt;; written from any
/// enumerable (array, list, ...).
/// </summary>
internal sealed class ListCodec : SequenceCodec
{
    public static readonly ListCodec Instance = new();

    public override Type DefaultClrType => typeof(List<>);

    public override string ReadableAs => "List<T>, T[], IList<T>, IReadOnlyList<T>, IEnumerable<T>, HashSet<T> or ISet<T> of an element type the element's CQL type reads as";

    public override string WritableFrom => "an array or any IEnumerable of non-null elements";

    protected override SequenceShape DefaultShape => SequenceShape.List;
}
