namespace CqlConnector.Cluster.Metadata;

/// <summary>
/// A position in a type's text from the schema tables, with the small steps both type parsers take (CQL type strings
/// of Cassandra 3.0+, marshal class names of 2.x): skip spaces, consume or expect one character, fail with the text and
/// position in the message.
/// </summary>
/// <param name="text">The whole type text.</param>
/// <param name="kind">What the text is, for messages ("CQL type", "marshal type").</param>
internal ref struct TypeTextCursor(string text, string kind)
{
    /// <summary>The whole type text.</summary>
    public readonly string Text = text;

    /// <summary>The index of the next character to read.</summary>
    public int Position;

    /// <summary>Whether the whole text was read.</summary>
    public readonly bool AtEnd => Position >= Text.Length;

    /// <summary>The next character, or '\0' at the end.</summary>
    public readonly char Peek() => Position < Text.Length ? Text[Position] : '\0';

    /// <summary>Consumes <paramref name="c"/> after any spaces, when it comes next.</summary>
    public bool TryConsume(char c)
    {
        SkipSpaces();
        if (Peek() == c)
        {
            Position++;
            return true;
        }

        return false;
    }

    /// <summary>Consumes <paramref name="c"/> after any spaces, or fails naming what came instead.</summary>
    public void Expect(char c)
    {
        if (!TryConsume(c))
        {
            throw Error(Position < Text.Length ? $"'{c}' was expected at '{Text[Position]}'" : $"'{c}' was expected at the end");
        }
    }

    /// <summary>Skips white space.</summary>
    public void SkipSpaces()
    {
        while (Position < Text.Length && char.IsWhiteSpace(Text[Position]))
        {
            Position++;
        }
    }

    /// <summary>The exception for a text this client cannot parse, naming <paramref name="what"/> went wrong and where.</summary>
    public readonly FormatException Error(string what)
        => new($"The {kind} '{Text}' from the schema tables could not be parsed: {what} (position {Position}). This client may not know this type; please report it with the node's version.");
}
