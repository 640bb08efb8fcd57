namespace Jidoka.Node.Hardware
{
    /// <summary>
    /// One digital input pin, already translated to its meaning by the board (the board applies pull-ups
    /// and polarity from its board file). Interlock channels and the local reset button are each one pin.
    /// </summary>
    public interface IDigitalInput
    {
        /// <summary>
        /// Reads the pin now. True means active: for an interlock channel the status contact is closed
        /// (guard shut, curtain clear, e-stop released); for the reset button it is pressed.
        /// </summary>
        bool Read();
    }
}
