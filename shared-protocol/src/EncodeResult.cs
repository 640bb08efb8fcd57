namespace Jidoka.Protocol
{
    /// <summary>Why an encoder refused to write. Encoders never write a message a decoder would reject.</summary>
    public enum EncodeStatus : byte
    {
        /// <summary>The message was written.</summary>
        Written = 0,

        /// <summary>The caller's buffer cannot hold the message.</summary>
        BufferTooSmall = 1,

        /// <summary>A field holds a value the protocol forbids; nothing usable was written.</summary>
        ImpossibleValue = 2,
    }

    /// <summary>Outcome of an encode: bytes written, or why nothing usable was written. Allocation-free.</summary>
    public struct EncodeResult
    {
        /// <summary>Creates a result.</summary>
        public EncodeResult(EncodeStatus status, int bytesWritten, string field)
        {
            Status = status;
            BytesWritten = bytesWritten;
            Field = field;
        }

        /// <summary>Whether the message was written.</summary>
        public EncodeStatus Status { get; }

        /// <summary>Bytes written when <see cref="Status"/> is <see cref="EncodeStatus.Written"/>, else 0.</summary>
        public int BytesWritten { get; }

        /// <summary>The offending field when refused, else an empty string.</summary>
        public string Field { get; }

        /// <summary>True when the message was written.</summary>
        public bool IsWritten => Status == EncodeStatus.Written;

        /// <summary>A successful result.</summary>
        public static EncodeResult Ok(int bytesWritten) => new EncodeResult(EncodeStatus.Written, bytesWritten, "");

        /// <summary>A refusal.</summary>
        public static EncodeResult Refuse(EncodeStatus status, string field) => new EncodeResult(status, 0, field);
    }
}
