namespace Jidoka.Bridge.Identity;

/// <summary>
/// What provisioning hands out once, in the clear: the broker password and, for a node, its key.
/// The registry keeps only the password's hash; the key it must keep to verify the node's tags.
/// </summary>
/// <param name="Client">The registry entry made.</param>
/// <param name="Password">The broker password, shown or written once.</param>
public sealed record ProvisionedCredential(RegisteredClient Client, string Password);
