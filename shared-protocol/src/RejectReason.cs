namespace Jidoka.Protocol
{
    /// <summary>Why a decoder refused its input. Every decoder returns one of these; none throws.</summary>
    public enum RejectReason : byte
    {
        /// <summary>The input was accepted.</summary>
        None = 0,

        /// <summary>Fewer bytes than the layout needs.</summary>
        TooShort = 1,

        /// <summary>More bytes than the layout allows, or more than <see cref="ProtocolLimits.MaxMessageBytes"/>.</summary>
        TooLong = 2,

        /// <summary>The CRC-32 over the message does not match its last four bytes.</summary>
        BadCrc = 3,

        /// <summary>The format version is not one this decoder knows.</summary>
        UnknownVersion = 4,

        /// <summary>The message type (or, inside a message, an enumerated kind) is not one this decoder knows or expects here.</summary>
        UnknownType = 5,

        /// <summary>A field holds a value the protocol forbids (out of range, reserved bits set, bad characters).</summary>
        ImpossibleValue = 6,

        /// <summary>Text input (status JSON) that is not the restricted JSON the protocol allows.</summary>
        MalformedText = 7,
    }
}
