namespace Jidoka.Bridge.Identity;

/// <summary>Why a broker connect was admitted or refused; every refusal is counted under its name.</summary>
public enum AuthenticationOutcome
{
    /// <summary>Admitted.</summary>
    Admitted,

    /// <summary>No user name or password was given and anonymous clients are not allowed.</summary>
    MissingCredentials,

    /// <summary>The user name is not in the registry.</summary>
    UnknownUser,

    /// <summary>The password does not match the stored hash.</summary>
    BadPassword,

    /// <summary>The entry was revoked.</summary>
    Revoked,

    /// <summary>A node connected under a client id other than its node id, or another client used a node's id.</summary>
    ClientIdMismatch,
}
