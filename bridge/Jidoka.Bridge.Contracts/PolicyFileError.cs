namespace Jidoka.Bridge.Contracts;

/// <summary>Why a policy file (or request body) was not accepted.</summary>
public enum PolicyFileError
{
    /// <summary>Accepted.</summary>
    None = 0,

    /// <summary>Not JSON, a value of the wrong type or out of its range, or a member this format does not have.</summary>
    NotJson = 1,

    /// <summary>A required member is missing.</summary>
    MissingField = 2,

    /// <summary>A key of "responses" is not the name of a rule that trips.</summary>
    UnknownRule = 3,

    /// <summary>A value of "responses" is not a response class name.</summary>
    UnknownResponse = 4,

    /// <summary>A rule that trips has no response class.</summary>
    MissingResponse = 5,

    /// <summary>Read fine, but PolicyRecord.Validate found a problem (see <see cref="PolicyFileResult.Problem"/>).</summary>
    InvalidPolicy = 6,

    /// <summary>A member this format used to have under another name (a force window given as a sample count).</summary>
    RetiredField = 7,
}
