namespace Jidoka.Protocol
{
    /// <summary>
    /// Outcome of a decode: accepted, or the reason for rejection and the name of the field at fault.
    /// A struct with a constant field name, so producing it allocates nothing.
    /// </summary>
    public struct DecodeResult
    {
        /// <summary>Creates a result.</summary>
        /// <param name="reason">Why the input was rejected, or <see cref="RejectReason.None"/>.</param>
        /// <param name="field">The field at fault, or an empty string.</param>
        public DecodeResult(RejectReason reason, string field)
        {
            Reason = reason;
            Field = field;
        }

        /// <summary>Why the input was rejected; <see cref="RejectReason.None"/> when accepted.</summary>
        public RejectReason Reason { get; }

        /// <summary>Name of the offending field as docs/protocol.md spells it, or an empty string.</summary>
        public string Field { get; }

        /// <summary>True when the input was accepted.</summary>
        public bool IsAccepted => Reason == RejectReason.None;

        /// <summary>The accepted result.</summary>
        public static DecodeResult Accepted => new DecodeResult(RejectReason.None, "");

        /// <summary>A rejection for <paramref name="reason"/> on <paramref name="field"/>.</summary>
        public static DecodeResult Reject(RejectReason reason, string field) => new DecodeResult(reason, field);

        /// <summary>Text form for logs, for example "BadCrc(crc)".</summary>
        public override string ToString() =>
            IsAccepted ? "Accepted" : RejectReasonNames.Name(Reason) + "(" + Field + ")";
    }
}
