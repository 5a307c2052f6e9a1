using CqlConnector.Protocol;
using CqlConnector.Protocol.Requests;
using CqlConnector.Protocol.Responses;
using CqlConnector.Serialization;

namespace CqlConnector.Connections;

/// <summary>The SASL exchange that follows an AUTHENTICATE answer to STARTUP.</summary>
internal sealed partial class CqlPhysicalConnection
{
    /// <summary>More rounds than any real mechanism needs: a node that keeps challenging is not authenticating.</summary>
    private const int MaxAuthenticationRounds = 32;

    /// <summary>Authenticates with the node's <paramref name="authenticatorClass"/> until AUTH_SUCCESS.</summary>
    private async ValueTask AuthenticateAsync(string authenticatorClass, IOBehavior io, CancellationToken cancellationToken)
    {
        var authenticator = _settings.Authenticator ?? throw new CqlAuthenticationException(
            $"The node {EndPoint} requires authentication ({authenticatorClass}) but no credentials were given. "
            + "Set 'Username' and 'Password' in the connection string, or an authenticator with CqlDataSourceBuilder.UseAuthenticator.")
        {
            Coordinator = EndPoint,
        };

        var context = new CqlAuthenticationContext(EndPoint, authenticatorClass);
        var token = authenticator.GetInitialResponse(context);
        for (var round = 0; round < MaxAuthenticationRounds; round++)
        {
            ResponseFrame response;
            try
            {
                response = await SendAsync(new AuthResponseRequest(token), _settings.ConnectTimeout, io, cancellationToken).ConfigureAwait(false);
            }
            catch (CqlAuthenticationException ex)
            {
                const string prefix = "Authentication failed: ";
                var reason = ex.Message.StartsWith(prefix, StringComparison.Ordinal) ? ex.Message[prefix.Length..] : ex.Message;
                var who = authenticator is PlainTextAuthenticator plain ? $" user '{plain.Username}'" : string.Empty;
                throw new CqlAuthenticationException(
                    $"The node {EndPoint} refused to authenticate{who} ({authenticatorClass}): {reason.TrimEnd('.')}. "
                    + "Check the user name and password ('Username' and 'Password' in the connection string).",
                    ex)
                {
                    Coordinator = EndPoint,
                };
            }

            using (response)
            {
                var body = new CqlReader(response.Body);
                switch (response.Opcode)
                {
                    case Opcode.AuthSuccess:
                        authenticator.OnAuthenticationSuccess(context, body.ReadBytesArray());
                        return;
                    case Opcode.AuthChallenge:
                        token = authenticator.EvaluateChallenge(context, body.ReadBytesArray());
                        break;
                    default:
                        ExpectOpcode(response, Opcode.AuthSuccess);
                        return;
                }
            }
        }

        throw new CqlAuthenticationException(
            $"The node {EndPoint} ({authenticatorClass}) was still challenging after {MaxAuthenticationRounds} rounds of SASL authentication; "
            + "the authenticator and the node do not agree on the mechanism.")
        {
            Coordinator = EndPoint,
        };
    }
}
