namespace Jidoka.Boards.Logic.Profile
{
    /// <summary>UART parity as the board file names it.</summary>
    public enum UartParityKind : byte
    {
        /// <summary>No parity bit.</summary>
        None = 0,

        /// <summary>Odd parity.</summary>
        Odd = 1,

        /// <summary>Even parity.</summary>
        Even = 2,
    }
}
