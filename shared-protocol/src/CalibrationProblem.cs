namespace Jidoka.Protocol
{
    /// <summary>Why a calibration failed validation (detail byte of a command result).</summary>
    public enum CalibrationProblem : byte
    {
        /// <summary>The calibration is valid.</summary>
        None = 0,

        /// <summary>The channel is not one that takes a calibration (force or vision).</summary>
        Channel = 1,

        /// <summary>Calibration id is 0.</summary>
        CalibrationId = 2,

        /// <summary>Version is 0.</summary>
        Version = 3,

        /// <summary>Gain is 0.</summary>
        Gain = 4,

        /// <summary>Calibration date is before 2000-01-01 or after 2200-01-01.</summary>
        CalibratedAt = 5,

        /// <summary>Technician id is missing or has characters an id may not have.</summary>
        Technician = 6,
    }

    /// <summary>Names of <see cref="CalibrationProblem"/> values as status JSON, cases and logs spell them.</summary>
    public static class CalibrationProblemNames
    {
        private static readonly string[] Names = { "none", "channel", "calibration-id", "version", "gain", "calibrated-at", "technician" };

        /// <summary>True when <paramref name="value"/> is a defined value.</summary>
        public static bool IsDefined(CalibrationProblem value) => NameTable.IsDefined(Names, (int)value);

        /// <summary>The name of <paramref name="value"/>.</summary>
        public static string Name(CalibrationProblem value) => NameTable.Lookup(Names, (int)value);

        /// <summary>Parses a name produced by <see cref="Name"/>.</summary>
        public static bool TryParse(string name, out CalibrationProblem value)
        {
            int index = NameTable.IndexOf(Names, name);
            value = (CalibrationProblem)(index < 0 ? 0 : index);
            return index >= 0;
        }
    }
}
