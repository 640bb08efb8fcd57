namespace Jidoka.Node.Hardware
{
    /// <summary>
    /// The load-cell front end at bus level: an HX711 clocked by SPI (10 or 80 samples/s) or the MCU ADC
    /// behind an amplifier (up to 1 kHz). It returns raw counts; calibration to milli-newtons, range and
    /// stuck-value checks live in the core, so every board gets the same decisions.
    /// </summary>
    public interface IForceSource
    {
        /// <summary>
        /// Returns a new raw reading when one is ready, without blocking the loop. An HX711 count is a
        /// sign-extended 24-bit value. <paramref name="counts"/> is meaningful only for
        /// <see cref="SensorReadStatus.NewReading"/>.
        /// </summary>
        SensorReadStatus TryReadCounts(out int counts);
    }
}
