namespace CqlConnector.Tests.Security;

/// <summary>PasswordAuthenticator on a real node (scripts/cassandra.sh --variant auth).</summary>
[Collection(AuthNodeCollection.Name)]
public sealed class AuthenticationTests(AuthNode node)
{
    private static async Task<string?> ReleaseVersionAsync(CqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT release_version FROM system.local");
        return (string?)await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task Right_credentials_connect_and_query()
    {
        await using var dataSource = CqlDataSource.Create($"{node.ConnectionString};Username=cassandra;Password=cassandra");
        Assert.False(string.IsNullOrEmpty(await ReleaseVersionAsync(dataSource)));
    }

    [Fact]
    public void Right_credentials_connect_synchronously()
    {
        using var connection = new CqlConnection($"{node.ConnectionString};Username=cassandra;Password=cassandra");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT release_version FROM system.local";
        Assert.IsType<string>(command.ExecuteScalar());
    }

    [Fact]
    public async Task Wrong_password_raises_CqlAuthenticationException_saying_what_to_check()
    {
        await using var dataSource = CqlDataSource.Create($"{node.ConnectionString};Username=cassandra;Password=wrong");
        var error = await Assert.ThrowsAsync<CqlAuthenticationException>(() => ReleaseVersionAsync(dataSource));

        Assert.Contains($"{node.Host}:{node.Port} refused to authenticate user 'cassandra'", error.Message);
        Assert.Contains("PasswordAuthenticator", error.Message);
        Assert.Contains("Username and/or password are incorrect", error.Message); // the node's own words
        Assert.Contains("Check the user name and password", error.Message);
        Assert.IsType<CqlAuthenticationException>(error.InnerException);
    }

    [Fact]
    public void Wrong_password_raises_CqlAuthenticationException_synchronously()
    {
        using var connection = new CqlConnection($"{node.ConnectionString};Username=nobody;Password=wrong");
        var error = Assert.Throws<CqlAuthenticationException>(connection.Open);
        Assert.Contains("user 'nobody'", error.Message);
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
    }

    [Fact]
    public async Task No_credentials_raise_a_message_that_the_node_requires_authentication()
    {
        await using var dataSource = CqlDataSource.Create(node.ConnectionString);
        var error = await Assert.ThrowsAsync<CqlAuthenticationException>(() => ReleaseVersionAsync(dataSource));

        Assert.Contains($"The node {node.Host}:{node.Port} requires authentication (org.apache.cassandra.auth.PasswordAuthenticator)", error.Message);
        Assert.Contains("no credentials were given", error.Message);
        Assert.Contains("'Username' and 'Password'", error.Message);
    }

    [Fact]
    public async Task A_custom_authenticator_from_the_builder_takes_the_place_of_the_connection_string_credentials()
    {
        var recording = new RecordingAuthenticator(new PlainTextAuthenticator("cassandra", "cassandra"));
        var builder = new CqlDataSourceBuilder($"{node.ConnectionString};Username=cassandra;Password=wrong");
        await using var dataSource = builder.UseAuthenticator(recording).Build();

        Assert.False(string.IsNullOrEmpty(await ReleaseVersionAsync(dataSource)));
        Assert.Equal("org.apache.cassandra.auth.PasswordAuthenticator", recording.AuthenticatorClass);
        Assert.Equal($"{node.Host}:{node.Port}", recording.EndPoint);
        Assert.True(recording.Succeeded);
    }

    [Fact]
    public async Task The_authorizer_applies_to_a_user_without_permissions()
    {
        var user = "cqlt_" + Guid.NewGuid().ToString("N")[..10];
        await using (var admin = CqlDataSource.Create($"{node.ConnectionString};Username=cassandra;Password=cassandra"))
        {
            await using var create = admin.CreateCommand($"CREATE USER {user} WITH PASSWORD 'secret' NOSUPERUSER");
            await create.ExecuteNonQueryAsync();
        }

        await using var dataSource = CqlDataSource.Create($"{node.ConnectionString};Username={user};Password=secret");
        Assert.False(string.IsNullOrEmpty(await ReleaseVersionAsync(dataSource)));
        await using var command = dataSource.CreateCommand(
            $"CREATE KEYSPACE {user} WITH replication = {{'class': 'SimpleStrategy', 'replication_factor': 1}}");
        await Assert.ThrowsAsync<CqlUnauthorizedException>(() => command.ExecuteNonQueryAsync());
    }

    private sealed class RecordingAuthenticator(ICqlAuthenticator inner) : ICqlAuthenticator
    {
        public string? AuthenticatorClass { get; private set; }

        public string? EndPoint { get; private set; }

        public bool Succeeded { get; private set; }

        public byte[]? GetInitialResponse(CqlAuthenticationContext context)
        {
            AuthenticatorClass = context.AuthenticatorClass;
            EndPoint = context.EndPoint.ToString();
            return inner.GetInitialResponse(context);
        }

        public byte[]? EvaluateChallenge(CqlAuthenticationContext context, byte[]? challenge) => inner.EvaluateChallenge(context, challenge);

        public void OnAuthenticationSuccess(CqlAuthenticationContext context, byte[]? token) => Succeeded = true;
    }
}
