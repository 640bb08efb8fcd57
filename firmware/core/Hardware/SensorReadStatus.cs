namespace Jidoka.Node.Hardware
{
    /// <summary>What a sensor read returned.</summary>
    public enum SensorReadStatus : byte
    {
        /// <summary>A new reading was returned.</summary>
        NewReading = 0,

        /// <summary>
        /// No new reading since the last call (an HX711 at 80 samples/s has data ready about once every
        /// 12.5 ms, so a 1 kHz loop sees this most of the time). Not a fault by itself: the force
        /// channel counts how long the sensor has been silent.
        /// </summary>
        NotReady = 1,

        /// <summary>The sensor or its bus reported an error (no answer, bad frame, ADC error).</summary>
        Fault = 2,
    }
}
