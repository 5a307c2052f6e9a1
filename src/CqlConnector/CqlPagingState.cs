using System.Buffers.Text;

namespace CqlConnector;

/// <summary>
/// Converts a paging state to and from URL-safe text (Base64Url, no padding), to hand to a client, e.g. as a
/// "next page" token. A paging state only says where the next page starts: it carries no credentials and is only
/// meaningful to the same statement with the same values.
/// </summary>
public static class CqlPagingState
{
    /// <summary>Encodes a paging state as Base64Url text.</summary>
    public static string ToBase64Url(byte[] pagingState)
    {
        ArgumentNullException.ThrowIfNull(pagingState);
        return Base64Url.EncodeToString(pagingState);
    }

    /// <summary>Decodes a paging state from its Base64Url text.</summary>
    /// <exception cref="FormatException">The text is not valid Base64Url.</exception>
    public static byte[] FromBase64Url(string pagingState)
    {
        ArgumentNullException.ThrowIfNull(pagingState);
        try
        {
            return Base64Url.DecodeFromChars(pagingState);
        }
        catch (FormatException ex)
        {
            throw new FormatException(
                $"'{pagingState}' is not a paging state: it is not Base64Url text. Pass back exactly the text that CqlResultSet.PagingStateText returned.", ex);
        }
    }
}
