namespace Jidoka.Boards.Logic.Profile
{
    /// <summary>Which converter feeds the trip engine's force channel.</summary>
    public enum ForceSourceKind : byte
    {
        /// <summary>The MCU ADC behind an amplifier (up to about 1 kHz).</summary>
        McuAdc = 0,

        /// <summary>The HX711 on SPI (10 or 80 samples/s).</summary>
        Hx711 = 1,
    }
}
