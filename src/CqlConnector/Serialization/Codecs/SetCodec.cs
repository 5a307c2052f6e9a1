namespace CqlConnector.Serialization.Codecs;

/// <summary>
/// set&lt;T&gt;: read as HashSet&lt;T'&gt; of the element's default CLR type, or as any of HashSet&lt;X&gt;,
/// ISet&lt;X&gt;, IReadOnlySet&lt;X&gt;, X[], List&lt;X&gt;, IEnumerable&lt;X&gt;...; written from any enumerable.
/// </summary>
internal sealed class SetCodec : SequenceCodec
{
    public static readonly SetCodec Instance = new();

    public override Type DefaultClrType => typeof(HashSet<>);

    public override string ReadableAs => "HashSet<T>, ISet<T>, IReadOnlySet<T>, T[], List<T>, IList<T> or IEnumerable<T> of an element type the element's CQL type reads as";

    public override string WritableFrom => "a set, an array or any IEnumerable of non-null elements";

    protected override SequenceShape DefaultShape => SequenceShape.HashSet;
}
