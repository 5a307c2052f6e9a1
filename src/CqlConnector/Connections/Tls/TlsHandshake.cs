using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace CqlConnector.Connections.Tls;

/// <summary>The client side of a TLS handshake over a connected socket, bounded by the connect timeout.</summary>
internal static class TlsHandshake
{
    /// <summary>
    /// Authenticates the node over <paramref name="inner"/> and returns the encrypted stream. Failures become a
    /// <see cref="CqlConnectionException"/> that says what was refused and why.
    /// </summary>
    public static async ValueTask<SslStream> AuthenticateAsync(
        Stream inner, Socket socket, EndPoint endPoint, TlsOptions tls, TimeSpan connectTimeout, IOBehavior io, CancellationToken cancellationToken)
    {
        var options = tls.CreateClientOptions(endPoint, out var validator);
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false);
        try
        {
            if (io == IOBehavior.Synchronous)
            {
                socket.ReceiveTimeout = (int)connectTimeout.TotalMilliseconds;
                try
                {
                    ssl.AuthenticateAsClient(options);
                }
                finally
                {
                    socket.ReceiveTimeout = 0;
                }
            }
            else
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(connectTimeout);
                await ssl.AuthenticateAsClientAsync(options, timeout.Token).ConfigureAwait(false);
            }

            return ssl;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ssl.Dispose();
            throw new CqlConnectionException($"The TLS handshake with {endPoint} failed: {Explain(ex, validator, connectTimeout)}", endPoint, ex);
        }
    }

    /// <summary>
    /// The node took the TCP connection but hung up on, or never answered, the first protocol frames. A node serving
    /// TLS does one of the two with a plain-text client (Cassandra 2.1 closes at once): say so when TLS was off.
    /// </summary>
    public static CqlConnectionException HandshakeUnanswered(EndPoint endPoint, ConnectionSettings settings, CqlException ex)
    {
        var what = ex is CqlTimeoutException
            ? $"did not answer the protocol handshake within the connect timeout of {settings.ConnectTimeout.TotalSeconds:0.#} s"
            : "closed the connection during the protocol handshake";
        var hint = settings.Tls is null ? " If the node has client encryption (client_encryption_options) enabled, connect with SSL=true." : string.Empty;
        return new CqlConnectionException($"The node {endPoint} accepted the connection but {what}.{hint}", endPoint, ex);
    }

    private static string Explain(Exception ex, CertificateValidator validator, TimeSpan connectTimeout)
    {
        if (validator.RefusalReason is { } reason)
        {
            return $"the node's certificate ({validator.PresentedCertificate}) was refused: {reason}.";
        }

        var timedOut = ex is OperationCanceledException
                       || (ex as IOException)?.InnerException is SocketException { SocketErrorCode: SocketError.TimedOut or SocketError.WouldBlock };
        if (timedOut)
        {
            return $"no TLS answer within the connect timeout of {connectTimeout.TotalSeconds:0.#} s. "
                   + "Is client encryption (client_encryption_options) enabled on the node at this port?";
        }

        var what = ex is AuthenticationException ? ex.InnerException?.Message ?? ex.Message : ex.Message;
        return $"{what.TrimEnd('.')}. If the node does not have client encryption (client_encryption_options) enabled, "
               + "connect without SSL=true; otherwise check that client and node share a TLS version and cipher suite.";
    }
}
